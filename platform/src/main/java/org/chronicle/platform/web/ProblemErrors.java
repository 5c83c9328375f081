package org.chronicle.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The answer to an error that never reached a controller (a URL the firewall refuses, a filter's
 * {@code sendError}): problem+json like every other error, in place of Spring Boot's own JSON.
 */
@RestController
class ProblemErrors implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        HttpStatus status = status(request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE));
        ProblemDetail body = Problems.problem(status, "http-" + status.value(), status.getReasonPhrase(),
                status.is4xxClientError()
                        ? "The request cannot be answered as sent: " + status.getReasonPhrase().toLowerCase() + "."
                        : "The service failed to answer; the failure is logged.", null);
        if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String path) {
            body.setInstance(URI.create(safe(path)));
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    private static HttpStatus status(Object code) {
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        return status == null || !status.isError() ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }

    /** The refused path may hold anything: it is echoed only as far as it is plainly a path. */
    private static String safe(String path) {
        return path.matches("[A-Za-z0-9/._~-]{1,500}") ? path : "/";
    }
}
