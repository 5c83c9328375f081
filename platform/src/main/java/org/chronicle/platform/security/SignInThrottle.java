package org.chronicle.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Slows down guessing: a client address whose sign-ins (HTTP Basic, a bearer token, or the page's
 * {@code POST /api/v1/session}) failed {@code maxFailures} times within {@code window} is answered
 * 429 with Retry-After, without a check, until the window ends. Counted by address rather than
 * by account so a guesser cannot lock an editor out; a success does not clear the count, so a
 * guesser with one account of its own gains nothing from it. Each process keeps its own counts.
 * The address is the peer's, or the one a trusted proxy forwarded ({@link ClientAddress}), so a
 * guesser cannot start afresh by writing X-Forwarded-For itself.
 */
final class SignInThrottle extends OncePerRequestFilter {

    private static final int FORGET_ABOVE = 10_000;

    private final ClientAddress clients;
    private final int maxFailures;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    SignInThrottle(ClientAddress clients, int maxFailures, Duration window, Clock clock) {
        this.clients = clients;
        this.maxFailures = maxFailures;
        this.window = window;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!signsIn(request)) {
            chain.doFilter(request, response);
            return;
        }
        String client = clients.of(request);
        Instant now = clock.instant();
        Failures known = failures.get(client);
        if (known != null && known.count() >= maxFailures && now.isBefore(known.until())) {
            refuse(request, response, Duration.between(now, known.until()));
            return;
        }
        chain.doFilter(request, response);
        if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
            failed(client, now);
        }
    }

    private void failed(String client, Instant now) {
        if (failures.size() > FORGET_ABOVE) {
            failures.values().removeIf(f -> !now.isBefore(f.until()));
        }
        failures.compute(client, (address, known) -> known == null || !now.isBefore(known.until())
                ? new Failures(1, now.plus(window))
                : new Failures(known.count() + 1, known.until()));
    }

    private static boolean signsIn(HttpServletRequest request) {
        return request.getHeader(HttpHeaders.AUTHORIZATION) != null
                || ("POST".equals(request.getMethod()) && SecurityConfiguration.SESSION_PATH.equals(
                request.getRequestURI().substring(request.getContextPath().length())));
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, Duration wait)
            throws IOException {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        ProblemAnswers.write(response, 429, "too-many-sign-ins", "Too many failed sign-ins",
                "Too many sign-ins from this address failed; try again in " + seconds + " seconds.",
                request.getRequestURI());
    }

    private record Failures(int count, Instant until) {
    }
}
