package org.chronicle.platform.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.CommandExecutionException;
import org.chronicle.api.Refusal;
import org.chronicle.api.Violation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error as RFC 9457 problem+json: 4xx for the caller's mistakes with the field named, 503
 * with Retry-After when the database cannot be reached, and never a stack trace or SQL.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class Problems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(Problems.class);
    private static final String TYPES = "urn:chronicle:problem:";
    public static final String RETRY_AFTER_SECONDS = "5";
    private static final String HIKARI_CLOSED = "Connection is closed";

    @ExceptionHandler(Refusal.Invalid.class)
    ResponseEntity<Object> invalid(Refusal.Invalid e) {
        return answer(HttpStatus.BAD_REQUEST, "invalid-request", "The request breaks the contract",
                e.getMessage(), e.violations());
    }

    @ExceptionHandler(Refusal.NotFound.class)
    ResponseEntity<Object> notFound(Refusal.NotFound e) {
        return answer(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage(), null);
    }

    @ExceptionHandler(Refusal.Conflict.class)
    ResponseEntity<Object> conflict(Refusal.Conflict e) {
        return answer(HttpStatus.CONFLICT, "conflict", "Conflicts with what is recorded", e.getMessage(), null);
    }

    /** Axon wraps what a command handler threw when it crosses a bus; the refusal inside decides. */
    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<Object> commandFailed(CommandExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof Refusal.Invalid invalid) {
            return invalid(invalid);
        } else if (cause instanceof Refusal.NotFound notFound) {
            return notFound(notFound);
        } else if (cause instanceof Refusal.Conflict conflict) {
            return conflict(conflict);
        }
        return unexpected(e);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> badParameter(MethodArgumentTypeMismatchException e) {
        String expected = e.getRequiredType() == null ? "a valid value" : describe(e.getRequiredType());
        return answer(HttpStatus.BAD_REQUEST, "invalid-request", "The request breaks the contract",
                "Parameter '" + e.getName() + "' is not " + expected + ".",
                List.of(new Violation(e.getName(), "must be " + expected)));
    }

    /**
     * What a write hears when the database is away. Not "nothing was stored": a commit may reach
     * the disk while its answer is lost with the connection, so the client cannot know, and the
     * repeat under the same id is what makes either case right.
     */
    static final String UNREACHABLE = "The database cannot be reached just now; a write may or may not have been"
            + " stored, and is safe to send again with the same id (or Idempotency-Key). Try again shortly.";

    @ExceptionHandler({CannotGetJdbcConnectionException.class, DataAccessResourceFailureException.class,
            TransientDataAccessException.class})
    ResponseEntity<Object> databaseUnavailable(Exception e) {
        log.warn("Database unavailable: {}", e.getMessage());
        return unavailable("unavailable", "The store is unavailable", UNREACHABLE, RETRY_AFTER_SECONDS);
    }

    /** A read that waits for its projections and times out (consistentWith): ask again shortly. */
    @ExceptionHandler(StillWorking.class)
    ResponseEntity<Object> stillWorking(StillWorking e) {
        return unavailable("not-yet", "Not yet", e.getMessage(), "1");
    }

    private static ResponseEntity<Object> unavailable(String type, String title, String detail, String retryAfter) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, retryAfter)
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, type, title, detail, null));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        if (databaseUnreachable(e)) {
            return databaseUnavailable(e);
        }
        BodyTooLarge tooLarge = tooLarge(e);
        if (tooLarge != null) {
            return tooLarge(tooLarge);
        }
        log.error("Unexpected failure", e);
        return answer(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                "The service failed to answer; the failure is logged.", null);
    }

    /**
     * Axon and the JDBC layers wrap a lost database in their own exceptions; the cause chain
     * tells: a connection that could not be had or was cut (SQL state class 08, or 57P for a
     * server shutting down).
     */
    public static boolean databaseUnreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CannotGetJdbcConnectionException || t instanceof java.sql.SQLTransientConnectionException
                    || t instanceof java.sql.SQLNonTransientConnectionException || t instanceof java.net.ConnectException) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
            // Hikari hands out a closed-connection stand-in, without SQL state, once it has evicted
            // a connection that the server cut.
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() == null
                    && HIKARI_CLOSED.equals(sql.getMessage())) {
                return true;
            }
        }
        return false;
    }

    /** A body cut off at its limit while it was read (see {@link BodyLimit}). */
    private static ResponseEntity<Object> tooLarge(BodyTooLarge e) {
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
                .header(HttpHeaders.CONNECTION, "close")
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(tooLarge(e.limit));
    }

    static ProblemDetail tooLarge(long limit) {
        String message = "must be at most " + limit + " bytes";
        return problem(HttpStatus.PAYLOAD_TOO_LARGE, "too-large", "The request body is too large",
                "The body " + message + "; nothing was stored.", List.of(new Violation("body", message)));
    }

    private static BodyTooLarge tooLarge(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof BodyTooLarge tooLarge) {
                return tooLarge;
            }
        }
        return null;
    }

    /** Malformed JSON, a wrong type, an unknown field: named by its JSON path. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        BodyTooLarge tooLarge = tooLarge(e);
        if (tooLarge != null) {
            return tooLarge(tooLarge);
        }
        Throwable cause = e.getCause() == null ? e : e.getCause();
        String field = cause instanceof JsonMappingException mapping ? path(mapping) : "";
        String message = readable(cause);
        return answer(HttpStatus.BAD_REQUEST, "invalid-request", "The request body cannot be read",
                field.isEmpty() ? message : "Field '" + field + "': " + message,
                List.of(new Violation(field.isEmpty() ? "body" : field, message)));
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        // Spring's own problems (404 of an unknown path, 405, 415 ...) keep our type prefix.
        if (body instanceof ProblemDetail detail && detail.getType().toString().equals("about:blank")) {
            detail.setType(URI.create(TYPES + "http-" + statusCode.value()));
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    /** Says what is wrong in the caller's terms, without the service's class names. */
    private static String readable(Throwable cause) {
        if (cause instanceof UnrecognizedPropertyException) {
            return "is not a field of this request";
        }
        if (cause instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                && invalid.getTargetType().isEnum()) {
            return "must be one of " + Arrays.toString(invalid.getTargetType().getEnumConstants());
        }
        if (cause instanceof InvalidFormatException invalid && invalid.getTargetType() != null) {
            return "must be " + describe(invalid.getTargetType()) + ", not " + invalid.getValue();
        }
        if (cause instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "must be " + describe(mismatch.getTargetType());
        }
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StreamConstraintsException limit) {
                // Jackson names its own setting in the message; the caller needs only the limit.
                return "exceeds a limit: " + limit.getOriginalMessage().replaceAll(", from `[^`]*`", "");
            }
        }
        if (cause instanceof JsonProcessingException json) {
            return "is not valid JSON: " + json.getOriginalMessage().lines().findFirst().orElse("unreadable");
        }
        return "the body is missing or is not JSON";
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining())
                .replaceFirst("^\\.", "");
    }

    private static String describe(Class<?> type) {
        return Map.of("LocalDate", "a day (YYYY-MM-DD)", "Instant", "an instant (ISO-8601 UTC)",
                        "Long", "a whole number", "long", "a whole number", "Integer", "a whole number",
                        "int", "a whole number", "String", "a string", "List", "an array")
                .getOrDefault(type.getSimpleName(), "a JSON object of the documented shape");
    }

    private static ResponseEntity<Object> answer(HttpStatus status, String type, String title, String detail,
                                                 List<Violation> errors) {
        return ResponseEntity.status(status)
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(status, type, title, detail, errors));
    }

    /**
     * A definition of twenty thousand areas may break a rule twenty thousand times; the answer
     * names the first ones, enough to mend the request, and stays small.
     */
    static final int ERRORS_LISTED = 100;

    static ProblemDetail problem(HttpStatus status, String type, String title, String detail,
                                 List<Violation> errors) {
        boolean cut = errors != null && errors.size() > ERRORS_LISTED;
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status,
                cut ? detail + " The first " + ERRORS_LISTED + " are listed." : detail);
        body.setType(URI.create(TYPES + type));
        body.setTitle(title);
        if (errors != null) {
            body.setProperty("errors", cut ? errors.subList(0, ERRORS_LISTED) : errors);
        }
        return body;
    }
}
