package org.chronicle.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The database away while a filter reads it (the page's session, before any controller runs):
 * 503 with Retry-After, as the controllers answer, not the 500 that the failure would become.
 * It must wrap the session filter, which fails again on the error page's own dispatch.
 */
final class DatabaseOutage extends OncePerRequestFilter {

    private final ObjectMapper json;

    DatabaseOutage(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException failure) {
            if (response.isCommitted() || !Problems.databaseUnreachable(failure)) {
                throw failure;
            }
            response.reset();
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, Problems.RETRY_AFTER_SECONDS);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "unavailable",
                    "The store is unavailable",
                    Problems.UNREACHABLE, null));
        }
    }
}
