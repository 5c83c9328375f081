package org.chronicle.command;

import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.chronicle.api.Recorded;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Stamps every command with who sent it and the request it came from, so that the events it
 * produces carry them (Axon copies the metadata named in {@link CommandSideApplication} onto
 * them). Done once, on the bus, so that no controller can forget it.
 */
final class RecordingContext implements MessageDispatchInterceptor<CommandMessage<?>> {

    static final String CORRELATION_HEADER = "X-Correlation-Id";
    private static final Pattern CORRELATION_SHAPE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            Map<String, Object> stamp = new HashMap<>();
            stamp.put(Recorded.BY, account());
            String correlation = correlation();
            if (correlation != null && !command.getMetaData().containsKey(Recorded.TRACE_ID)) {
                stamp.put(Recorded.TRACE_ID, correlation);
            }
            return command.andMetaData(stamp);
        };
    }

    private static String account() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || !authentication.isAuthenticated() ? "anonymous" : authentication.getName();
    }

    /** A client's own correlation id, when it sent a well-formed one: it becomes the trace of its events. */
    private static String correlation() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            String id = request.getHeader(CORRELATION_HEADER);
            return id != null && CORRELATION_SHAPE.matcher(id).matches() ? id : null;
        }
        return null;
    }
}
