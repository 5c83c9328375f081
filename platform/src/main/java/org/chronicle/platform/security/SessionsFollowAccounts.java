package org.chronicle.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A page session keeps the roles its account had when it signed in, and the account's stamp. On
 * each of its requests the stamp is looked up again (one look-up by primary key, in the shared
 * database, so on every process alike): new roles are taken over at once, while a new password
 * or a disabled account ends the session (401). The session's own path goes on signed out, so
 * the page learns it from {@code GET /api/v1/session} and can sign in again.
 */
final class SessionsFollowAccounts extends OncePerRequestFilter {

    private static final String STAMP = "chronicle.account.stamp";
    private static final String PASSWORD = "chronicle.account.password";

    private final AccountStore accounts;
    private static final HttpSessionSecurityContextRepository CONTEXTS = new HttpSessionSecurityContextRepository();

    SessionsFollowAccounts(AccountStore accounts) {
        this.accounts = accounts;
    }

    /** What sign-in keeps in a new session: the account's name and roles, its stamp and its password's mark. */
    static void keep(String username, AccountStore.Standing standing, HttpServletRequest request,
              HttpServletResponse response) {
        HttpSession session = request.getSession(true);
        session.setAttribute(STAMP, standing.stamp());
        session.setAttribute(PASSWORD, standing.passwordMark());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username, null,
                standing.roles().stream().flatMap(Role::grantedAuthorities).distinct()
                        .map(SimpleGrantedAuthority::new).toList()));
        SecurityContextHolder.setContext(context);
        CONTEXTS.saveContext(context, request, response);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        if (session == null || signedIn == null || signedIn instanceof AnonymousAuthenticationToken) {
            chain.doFilter(request, response);
            return;
        }
        Optional<AccountStore.Standing> now = accounts.standing(signedIn.getName());
        if (now.isPresent() && Objects.equals(session.getAttribute(STAMP), now.get().stamp())) {
            chain.doFilter(request, response);
        } else if (now.isPresent() && now.get().enabled()
                && Objects.equals(session.getAttribute(PASSWORD), now.get().passwordMark())) {
            keep(signedIn.getName(), now.get(), request, response);
            chain.doFilter(request, response);
        } else {
            end(session, request, response, chain);
        }
    }

    private static void end(HttpSession session, HttpServletRequest request, HttpServletResponse response,
                            FilterChain chain) throws ServletException, IOException {
        session.invalidate();
        SecurityContextHolder.clearContext();
        if (SecurityConfiguration.SESSION_PATH.equals(request.getRequestURI().substring(request.getContextPath().length()))) {
            chain.doFilter(request, response);
            return;
        }
        // No WWW-Authenticate: the page signs in again by its own form, not by the browser's dialog.
        ProblemAnswers.write(response, 401, "unauthenticated", "Signed out",
                "The account was disabled or given a new password since this session signed in: sign in again.",
                request.getRequestURI());
    }
}
