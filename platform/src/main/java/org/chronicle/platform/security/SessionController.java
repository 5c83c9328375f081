package org.chronicle.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.chronicle.api.Refusal;
import org.chronicle.platform.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/session}: the replay page's sign-in. POST {@code {username, password}} checks the
 * same accounts as HTTP Basic and keeps the signed-in account in a session (Spring Session, in the
 * shared database, so either side answers for it); GET says who is signed in (never 401, and it
 * hands the page its CSRF cookie); DELETE signs out. API clients need none of this.
 */
@RestController
@RequestMapping(path = "/api/v1/session", produces = MediaType.APPLICATION_JSON_VALUE)
class SessionController {

    private final AccountStore accounts;
    private final RememberedCredentials credentials;
    private final CsrfTokenRepository csrfTokens;

    SessionController(AccountStore accounts, RememberedCredentials credentials, CsrfTokenRepository csrfTokens) {
        this.accounts = accounts;
        this.credentials = credentials;
        this.csrfTokens = csrfTokens;
    }

    @GetMapping
    Map<String, Object> current(HttpServletRequest request) {
        touchCsrfToken(request);
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        if (signedIn == null || !signedIn.isAuthenticated() || signedIn instanceof AnonymousAuthenticationToken) {
            return Map.of("signedIn", false);
        }
        return describe(signedIn);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> signIn(@RequestBody SignIn body, HttpServletRequest request,
                                               HttpServletResponse response) {
        if (body.username() == null || body.username().isBlank()) {
            throw new Refusal.Invalid("username", "is required");
        }
        if (body.password() == null || body.password().isEmpty()) {
            throw new Refusal.Invalid("password", "is required");
        }
        // Read before the password is checked: a change made meanwhile then ends the session at its next request.
        Optional<AccountStore.Standing> standing = accounts.standing(body.username());
        Authentication checked;
        try {
            checked = credentials.authenticate(
                    UsernamePasswordAuthenticationToken.unauthenticated(body.username(), body.password()));
        } catch (AuthenticationException e) {
            if (Problems.databaseUnreachable(e)) {
                throw e;    // a 503 from Problems: the password was not checked, so it is not wrong
            }
            checked = null;
        }
        // A password remembered by this process may belong to an account another process has since disabled.
        if (checked == null || !checked.isAuthenticated() || standing.isEmpty() || !standing.get().enabled()) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(ProblemAnswers.body(401, "unauthenticated", "Not signed in",
                            "The name or the password is wrong.", request.getRequestURI()));
        }
        // A new session id at sign-in (no fixation), and a new CSRF token with it.
        HttpSession old = request.getSession(false);
        if (old != null) {
            old.invalidate();
        }
        // The session keeps the name, the roles and the account's stamp: no password, no account object.
        SessionsFollowAccounts.keep(checked.getName(), standing.get(), request, response);
        csrfTokens.saveToken(csrfTokens.generateToken(request), request, response);
        return ResponseEntity.ok(describe(SecurityContextHolder.getContext().getAuthentication()));
    }

    @DeleteMapping
    Map<String, Object> signOut(HttpServletRequest request, HttpServletResponse response) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        csrfTokens.saveToken(csrfTokens.generateToken(request), request, response);
        return Map.of("signedIn", false);
    }

    private static void touchCsrfToken(HttpServletRequest request) {
        // Spring Security writes the token's cookie only once the token is read.
        if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
            token.getToken();
        }
    }

    private static Map<String, Object> describe(Authentication signedIn) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("signedIn", true);
        answer.put("username", signedIn.getName());
        answer.put("roles", signedIn.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).sorted().toList());
        return answer;
    }

    record SignIn(String username, String password) {
    }
}
