package org.chronicle.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import org.chronicle.platform.schema.MigrationUnit;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may do what (API.md, Accounts): writes need EDITOR, {@code /api/v1/admin/**} ADMIN, reads
 * are open unless {@code chronicle.security.reads=READER}. API clients are stateless: HTTP Basic
 * against the {@code account} table, or a bearer token when an OAuth2 issuer or key is configured
 * ({@code spring.security.oauth2.resourceserver.jwt.*}); no session and no CSRF token for them.
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

    @Bean
    MigrationUnit accountsSchema() {
        return AccountStore.SCHEMA;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    AccountStore accountStore(JdbcTemplate jdbc, PasswordEncoder passwords) {
        return new AccountStore(jdbc, passwords);
    }

    @Bean
    RememberedCredentials rememberedCredentials(AccountStore accounts, PasswordEncoder passwords,
            @Value("${chronicle.security.remember-credentials:60s}") Duration ttl) {
        DaoAuthenticationProvider checked = new DaoAuthenticationProvider(passwords);
        checked.setUserDetailsService(accounts);
        return new RememberedCredentials(checked, ttl, Clock.systemUTC());
    }

    @Bean
    FirstAdministrator firstAdministrator(AccountStore accounts,
            @Value("${chronicle.admin.password:${CHRONICLE_ADMIN_PASSWORD:}}") String password) {
        return new FirstAdministrator(accounts, password);
    }

    @Bean
    AccountController accountController(AccountStore accounts, RememberedCredentials remembered) {
        return new AccountController(accounts, remembered);
    }

    @Bean
    SecurityFilterChain chronicleSecurity(HttpSecurity http, RememberedCredentials remembered,
            ObjectProvider<JwtDecoder> jwtDecoder,
            @Value("${chronicle.security.reads:open}") String reads,
            @Value("${chronicle.security.jwt.roles-claim:roles}") String rolesClaim) throws Exception {
        boolean readsOpen = !reads.equalsIgnoreCase(Role.READER.name());
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authenticationProvider(remembered)
                .httpBasic(basic -> basic.authenticationEntryPoint(ProblemAnswers.unauthenticated()))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(ProblemAnswers.unauthenticated())
                        .accessDeniedHandler(ProblemAnswers.forbidden()))
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers(OPEN).permitAll();
                    requests.requestMatchers(HttpMethod.GET, PAGE).permitAll();
                    requests.requestMatchers(HttpMethod.HEAD, PAGE).permitAll();
                    requests.requestMatchers("/api/v1/admin/**").hasRole(Role.ADMIN.name());
                    if (readsOpen) {
                        requests.requestMatchers(HttpMethod.GET).permitAll();
                        requests.requestMatchers(HttpMethod.HEAD).permitAll();
                    } else {
                        requests.requestMatchers(HttpMethod.GET).hasRole(Role.READER.name());
                        requests.requestMatchers(HttpMethod.HEAD).hasRole(Role.READER.name());
                    }
                    requests.anyRequest().hasRole(Role.EDITOR.name());
                });
        if (jwtDecoder.getIfAvailable() != null) {
            http.oauth2ResourceServer(oauth -> oauth
                    .authenticationEntryPoint(ProblemAnswers.unauthenticated())
                    .accessDeniedHandler(ProblemAnswers.forbidden())
                    .jwt(jwt -> jwt.jwtAuthenticationConverter(rolesFrom(rolesClaim))));
        }
        return http.build();
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
