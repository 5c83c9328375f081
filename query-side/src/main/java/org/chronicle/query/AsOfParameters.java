package org.chronicle.query;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.chronicle.api.Refusal;
import org.chronicle.api.Violation;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Reads {@code asKnownAt} (an ISO-8601 instant) and {@code asReportedBy} (an ISO day) into the
 * {@link AsOf} of any read that takes one, refusing a malformed value by the parameter's name.
 */
final class AsOfParameters implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == AsOf.class;
    }

    @Override
    public AsOf resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
                                WebDataBinderFactory binders) {
        List<Violation> violations = new ArrayList<>();
        Instant knownAt = null;
        LocalDate reportedBy = null;
        String instant = request.getParameter("asKnownAt");
        if (instant != null) {
            try {
                knownAt = Instant.parse(instant);
            } catch (DateTimeParseException e) {
                violations.add(new Violation("asKnownAt", "must be an ISO-8601 instant in UTC, such as 2012-02-05T12:00:00Z"));
            }
        }
        String day = request.getParameter("asReportedBy");
        if (day != null) {
            try {
                reportedBy = LocalDate.parse(day);
            } catch (DateTimeParseException e) {
                violations.add(new Violation("asReportedBy", "must be an ISO day that exists, such as 2012-02-05"));
            }
        }
        if (!violations.isEmpty()) {
            throw new Refusal.Invalid(violations);
        }
        return new AsOf(knownAt, reportedBy);
    }
}
