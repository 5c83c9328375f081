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

    // Java's time reaches a billion years either way; the database's timestamps and dates do not.
    static final LocalDate FIRST_DAY = LocalDate.of(1, 1, 1);
    static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);
    private static final Instant FIRST_INSTANT = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LAST_INSTANT = Instant.parse("9999-12-31T23:59:59.999999Z");

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
                if (knownAt.isBefore(FIRST_INSTANT) || knownAt.isAfter(LAST_INSTANT)) {
                    violations.add(new Violation("asKnownAt", "must lie in the years 0001 to 9999"));
                }
            } catch (DateTimeParseException e) {
                violations.add(new Violation("asKnownAt", "must be an ISO-8601 instant in UTC, such as 2012-02-05T12:00:00Z"));
            }
        }
        String day = request.getParameter("asReportedBy");
        if (day != null) {
            try {
                reportedBy = LocalDate.parse(day);
                if (reportedBy.isBefore(FIRST_DAY) || reportedBy.isAfter(LAST_DAY)) {
                    violations.add(new Violation("asReportedBy", "must lie in the years 0001 to 9999"));
                }
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
