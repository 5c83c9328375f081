package org.chronicle.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.chronicle.api.Violation;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * No write is answered when its body comes as one of the types a page of another site may post
 * without asking the browser first (a "simple" request: an HTML form, or a fetch without a
 * preflight). A browser that has an editor's HTTP Basic credentials at hand sends them along
 * with such a post, and the service would take it for the editor's own; refused at the edge,
 * before the security chains and before anything parses a form, it stores nothing and runs
 * nothing. Every body this service reads is JSON or a CSV file, so nothing legitimate comes as
 * a form. A write without a body and without a {@code Content-Type} is let through, as an API
 * client sends a rebuild, unless the browser that sends it says it comes from a page of another
 * site ({@code Sec-Fetch-Site: cross-site}, which a page cannot forge): such a fetch needs no
 * preflight either, and is refused with 403.
 */
final class CrossSiteForms extends OncePerRequestFilter {

    static final Set<String> SIMPLE_TYPES = Set.of("text/plain", "application/x-www-form-urlencoded",
            "multipart/form-data");
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final ObjectMapper json;

    CrossSiteForms(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (SAFE_METHODS.contains(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        String type = request.getContentType();
        if (type != null && !type.isBlank() && isForm(type)) {
            refuse(response, Problems.problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                    "The body's type is not accepted",
                    "A write takes JSON (application/json), or a CSV file (text/csv) for an import; "
                            + type.strip() + " is what a form of any site may send, and nothing was stored.",
                    List.of(new Violation("Content-Type", "must not be " + type.strip()))));
        } else if ("cross-site".equalsIgnoreCase(request.getHeader("Sec-Fetch-Site"))) {
            refuse(response, Problems.problem(HttpStatus.FORBIDDEN, "cross-site", "A write from another site",
                    "The browser says this write comes from a page of another site; nothing was stored.", null));
        } else {
            chain.doFilter(request, response);
        }
    }

    private void refuse(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        // The body is not wanted: the connection closes rather than reading it.
        response.setHeader("Connection", "close");
        json.writeValue(response.getOutputStream(), problem);
    }

    /** A type that cannot even be parsed is refused as a form would be: a browser may send it unasked. */
    private static boolean isForm(String type) {
        try {
            MediaType media = MediaType.parseMediaType(type);
            return SIMPLE_TYPES.contains((media.getType() + "/" + media.getSubtype()).toLowerCase(java.util.Locale.ROOT));
        } catch (InvalidMediaTypeException unreadable) {
            return true;
        }
    }
}
