package org.chronicle.platform.security;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chronicle.platform.schema.MigrationUnit;
import org.chronicle.platform.schema.SchemaGate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Who may do what (API.md, Accounts): writes need EDITOR, {@code /api/v1/admin/**} ADMIN, reads
 * are open unless {@code chronicle.security.reads=READER}. API clients are stateless: HTTP Basic
 * against the {@code account} table, or a bearer token when an OAuth2 issuer or key is configured
 * ({@code spring.security.oauth2.resourceserver.jwt.*}); no session and no CSRF token for them.
 * The replay page signs in at {@code /api/v1/session} instead and is then known by a session
 * cookie; its writes carry a CSRF token (see {@link #pageSecurity}).
 */
@AutoConfiguration(before = {SecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class,
        OAuth2ResourceServerAutoConfiguration.class})
@EnableWebSecurity
public class SecurityConfiguration {

    private static final String[] OPEN = {"/actuator/health", "/actuator/health/**", "/actuator/info",
            "/v3/api-docs", "/v3/api-docs/**", "/error"};

    /**
     * The replay page and its assets (the query side's static files and WebJars): public whatever
     * {@code chronicle.security.reads} says; the API reads the page makes follow that setting.
     */
    private static final String[] PAGE = {"/", "/index.html", "/page/**", "/webjars/**"};

    /** The page's sign-in: POST signs in, GET says who is signed in, DELETE signs out. */
    static final String SESSION_PATH = "/api/v1/session";

    static final MigrationUnit SESSIONS = new MigrationUnit("sessions", "classpath:db/sessions",
            MigrationUnit.EVENT_STORE + 2);

    /** The scheme, host and port of a URL, or of a URL template such as a tile server's. */
    private static final Pattern ORIGIN = Pattern.compile("^(https?://[^/{}?#]+)");

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Bean
    MigrationUnit accountsSchema() {
        return AccountStore.SCHEMA;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    AccountStore accountStore(JdbcTemplate jdbc, PasswordEncoder passwords, PlatformTransactionManager transactions) {
        return new AccountStore(jdbc, passwords, new TransactionTemplate(transactions));
    }

    @Bean
    RememberedCredentials rememberedCredentials(AccountStore accounts, PasswordEncoder passwords,
            @Value("${chronicle.security.remember-credentials:60s}") Duration ttl) {
        DaoAuthenticationProvider checked = new DaoAuthenticationProvider(passwords);
        checked.setUserDetailsService(accounts);
        // A disabled account is told only after its password was checked, so neither the answer
        // nor its time tells a guesser which names exist: both are a plain 401.
        checked.setPreAuthenticationChecks(account -> { });
        checked.setPostAuthenticationChecks(account -> {
            if (!account.isEnabled()) {
                throw new DisabledException("Account disabled");
            }
        });
        return new RememberedCredentials(checked, ttl, Clock.systemUTC());
    }

    /** The account needs its table, so it waits for the schema; a refused password stops the start at once. */
    @Bean
    ApplicationRunner firstAdministrator(AccountStore accounts, SchemaGate schema,
            @Value("${chronicle.admin.password:${CHRONICLE_ADMIN_PASSWORD:}}") String password) {
        FirstAdministrator first = new FirstAdministrator(accounts, password);
        first.checkConfiguredPassword();
        return args -> schema.whenOpen("The first administrator", first::create);
    }

    @Bean
    AccountController accountController(AccountStore accounts, RememberedCredentials remembered) {
        return new AccountController(accounts, remembered);
    }

    /** Before the security chains, so a throttled address costs no password check. */
    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    FilterRegistrationBean<SignInThrottle> signInThrottle(
            @Value("${chronicle.security.sign-in.max-failures:10}") int maxFailures,
            @Value("${chronicle.security.sign-in.window:1m}") Duration window,
            @Value("${chronicle.security.trusted-proxies:}") String trustedProxies) {
        FilterRegistrationBean<SignInThrottle> registration = new FilterRegistrationBean<>(new SignInThrottle(
                ClientAddress.trusting(trustedProxies), maxFailures, window, Clock.systemUTC()));
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 5);
        return registration;
    }

    @Bean
    MigrationUnit sessionsSchema() {
        return SESSIONS;
    }

    @Bean
    CsrfTokenRepository pageCsrfTokens() {
        // The page reads the XSRF-TOKEN cookie and sends it back as X-XSRF-TOKEN.
        return CookieCsrfTokenRepository.withHttpOnlyFalse();
    }

    @Bean
    SessionController sessionController(AccountStore accounts, RememberedCredentials remembered,
            CsrfTokenRepository pageCsrfTokens) {
        return new SessionController(accounts, remembered, pageCsrfTokens);
    }

    /**
     * API clients: every request that carries an {@code Authorization} header (HTTP Basic or a bearer
     * token). Stateless, no session, no CSRF token, exactly as before the page could sign in.
     */
    @Bean
    @Order(1)
    SecurityFilterChain chronicleSecurity(HttpSecurity http, RememberedCredentials remembered,
            ObjectProvider<JwtDecoder> jwtDecoder,
            @Value("${chronicle.security.reads:open}") String reads,
            @Value("${chronicle.security.jwt.roles-claim:roles}") String rolesClaim,
            @Value("${chronicle.page.tile-url:}") String tileUrl) throws Exception {
        http.securityMatcher(SecurityConfiguration::hasAuthorizationHeader)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authenticationProvider(remembered)
                .httpBasic(basic -> basic.authenticationEntryPoint(ProblemAnswers.unauthenticated()))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(ProblemAnswers.unauthenticated())
                        .accessDeniedHandler(ProblemAnswers.forbidden()))
                .authorizeHttpRequests(requests -> authorize(requests, reads));
        headers(http, tileUrl);
        if (jwtDecoder.getIfAvailable() != null) {
            http.oauth2ResourceServer(oauth -> oauth
                    .authenticationEntryPoint(ProblemAnswers.unauthenticated())
                    .accessDeniedHandler(ProblemAnswers.forbidden())
                    .jwt(jwt -> jwt.jwtAuthenticationConverter(rolesFrom(rolesClaim))));
        }
        return http.build();
    }

    /**
     * Everything without an {@code Authorization} header: anonymous readers, and the page signed in
     * through {@code /api/v1/session}. The signed-in account lives in the session (Spring Session
     * JDBC, shared by both sides). A write that sends the session cookie, and the sign-in itself,
     * must carry the CSRF token; an anonymous request with no session cookie is answered as before
     * (401/403), and no session is made for it.
     */
    @Bean
    @Order(2)
    SecurityFilterChain pageSecurity(HttpSecurity http, CsrfTokenRepository pageCsrfTokens, AccountStore accounts,
            @Value("${chronicle.security.reads:open}") String reads,
            @Value("${server.servlet.session.cookie.name:SESSION}") String sessionCookie,
            @Value("${chronicle.page.tile-url:}") String tileUrl) throws Exception {
        RequestMatcher needsToken = request -> !SAFE_METHODS.contains(request.getMethod())
                && (SESSION_PATH.equals(request.getRequestURI().substring(request.getContextPath().length()))
                || hasCookie(request, sessionCookie));
        http.csrf(csrf -> csrf
                        .csrfTokenRepository(pageCsrfTokens)
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                        .requireCsrfProtectionMatcher(needsToken))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                .addFilterAfter(new SessionsFollowAccounts(accounts), SecurityContextHolderFilter.class)
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(ProblemAnswers.unauthenticated())
                        .accessDeniedHandler(ProblemAnswers.forbidden()))
                .authorizeHttpRequests(requests -> authorize(requests, reads));
        headers(http, tileUrl);
        return http.build();
    }

    /**
     * Every answer tells the browser to load and send nothing from or to another origin (the map's
     * optional tile server excepted), to frame nothing, and to send no referrer.
     */
    private static void headers(HttpSecurity http, String tileUrl) throws Exception {
        http.headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(tileUrl)))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                .frameOptions(frames -> frames.deny()));
    }

    static String contentSecurityPolicy(String tileUrl) {
        Matcher origin = ORIGIN.matcher(tileUrl == null ? "" : tileUrl.strip());
        String tiles = origin.find() ? " " + origin.group(1) : "";
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:" + tiles
                + "; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
                + "frame-ancestors 'none'";
    }

    private static void authorize(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests,
            String reads) {
        boolean readsOpen = !reads.equalsIgnoreCase(Role.READER.name());
        requests.requestMatchers(OPEN).permitAll();
        requests.requestMatchers(HttpMethod.GET, PAGE).permitAll();
        requests.requestMatchers(HttpMethod.HEAD, PAGE).permitAll();
        requests.requestMatchers(SESSION_PATH).permitAll();
        requests.requestMatchers("/api/v1/admin/**").hasRole(Role.ADMIN.name());
        if (readsOpen) {
            requests.requestMatchers(HttpMethod.GET).permitAll();
            requests.requestMatchers(HttpMethod.HEAD).permitAll();
        } else {
            requests.requestMatchers(HttpMethod.GET).hasRole(Role.READER.name());
            requests.requestMatchers(HttpMethod.HEAD).hasRole(Role.READER.name());
        }
        requests.anyRequest().hasRole(Role.EDITOR.name());
    }

    private static boolean hasAuthorizationHeader(HttpServletRequest request) {
        return request.getHeader(HttpHeaders.AUTHORIZATION) != null;
    }

    private static boolean hasCookie(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        return cookies != null && Arrays.stream(cookies).anyMatch(c -> c.getName().equals(name));
    }

    /** A token's roles come from one claim, {@code roles} by default, and imply the roles below them. */
    private static Converter<Jwt, AbstractAuthenticationToken> rolesFrom(String claim) {
        return jwt -> {
            Collection<String> named = jwt.hasClaim(claim) ? jwt.getClaimAsStringList(claim) : List.of();
            List<SimpleGrantedAuthority> authorities = named.stream()
                    .filter(name -> List.of("READER", "EDITOR", "ADMIN").contains(name))
                    .map(Role::valueOf)
                    .flatMap(Role::grantedAuthorities)
                    .distinct()
                    .map(SimpleGrantedAuthority::new)
                    .toList();
            return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
        };
    }
}
