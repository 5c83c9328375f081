package org.chronicle.app;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Until the Rastan seed is imported and its projections have caught up with it, the service is
 * not ready ({@code /actuator/health/readiness} is DOWN) and a read of the Rastan chronicle answers
 * 503 with Retry-After: a half-projected seed would show figures the chronicle does not hold (the
 * first seconds of a fresh start answered 21 killed for {@code fsa} where the article has 18).
 * Without the seed ({@code chronicle.seed.enabled=false}) there is nothing to wait for.
 */
@Component
class SeedReadiness extends OncePerRequestFilter implements HealthIndicator {

    private static final String RASTAN = "/api/v1/chronicles/" + RastanSeed.CHRONICLE;
    private final CountDownLatch seeded = new CountDownLatch(1);

    SeedReadiness(@Value("${chronicle.seed.enabled:true}") boolean seeding) {
        if (!seeding) {
            seeded();
        }
    }

    void seeded() {
        seeded.countDown();
    }

    boolean isSeeded() {
        return seeded.getCount() == 0;
    }

    /** Waits until the seed is projected; false when it takes longer than {@code patience}. */
    boolean awaitSeeded(Duration patience) throws InterruptedException {
        return seeded.await(patience.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public Health health() {
        return isSeeded() ? Health.up().build() : Health.outOfService().build();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return isSeeded() || !(path.equals(RASTAN) || path.startsWith(RASTAN + "/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader(HttpHeaders.RETRY_AFTER, "1");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("""
                {"type":"urn:chronicle:problem:not-yet","title":"Not yet","status":503,\
                "detail":"The Battle of Rastan is still being loaded; ask again shortly.","instance":"%s"}"""
                .formatted(RASTAN));
    }
}
