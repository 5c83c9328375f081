package org.chronicle.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.chronicle.platform.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

/** 401 and 403 as problem+json, like every other error of the service. */
final class ProblemAnswers {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProblemAnswers() {
    }

    static AuthenticationEntryPoint unauthenticated() {
        return (request, response, e) -> {
            if (Problems.databaseUnreachable(e)) {
                // The credentials could not be checked, not found wrong: a client should retry, not re-prompt.
                response.setHeader(HttpHeaders.RETRY_AFTER, Problems.RETRY_AFTER_SECONDS);
                write(response, 503, "unavailable", "The store is unavailable",
                        "The database cannot be reached just now, so the credentials cannot be checked; nothing "
                                + "was stored. Try again shortly.", request.getRequestURI());
                return;
            }
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"chronicle\"");
            write(response, 401, "unauthenticated", "Sign in first",
                    "This request needs an account: send HTTP Basic credentials or a bearer token.",
                    request.getRequestURI());
        };
    }

    static AccessDeniedHandler forbidden() {
        return (request, response, e) -> {
            if (e instanceof CsrfException) {
                // Only a write signed in by the page's session cookie is asked for the token.
                write(response, 403, "forbidden", "Not allowed",
                        "A write signed in by a session must carry the X-XSRF-TOKEN header with the XSRF-TOKEN cookie's value.",
                        request.getRequestURI());
            } else {
                write(response, 403, "forbidden", "Not allowed",
                        "This account's roles do not allow this request.", request.getRequestURI());
            }
        };
    }

    static Map<String, Object> body(int status, String type, String title, String detail, String instance) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "urn:chronicle:problem:" + type);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("instance", instance);
        return body;
    }

    static void write(HttpServletResponse response, int status, String type, String title, String detail,
                              String instance) throws IOException {
        Map<String, Object> body = body(status, type, title, detail, instance);
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        JSON.writeValue(response.getOutputStream(), body);
    }
}
