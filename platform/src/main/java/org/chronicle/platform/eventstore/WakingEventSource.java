package org.chronicle.platform.eventstore;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event store as streaming processors read it, with streams that tell their reader when
 * events have arrived. A caught-up pooled streaming processor looks at its stream again about
 * every half second when the stream cannot tell it; when the stream can (its
 * {@link BlockingStream#setOnAvailableCallback availability callback}), the processor waits for the
 * call instead. Here the call comes from {@link #appended()}, which the {@link AppendListener}
 * runs on each PostgreSQL notification, and from {@link #recheck()}, which it runs whenever it has
 * heard nothing for a while, so that a lost notification costs no more than the old half second.
 * <p>
 * A notification precedes the events in the store's shared cache by the time the store takes to
 * fetch them. So the first look of a stream after {@link #appended()} waits up to
 * {@code patience} for them to arrive, instead of answering "nothing yet" and sleeping again.
 */
public class WakingEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    private static final Logger log = LoggerFactory.getLogger(WakingEventSource.class);
    private static final long SLICE_MILLIS = 5;

    private final StreamableMessageSource<TrackedEventMessage<?>> events;
    private final Duration patience;
    private final Set<WakingStream> open = ConcurrentHashMap.newKeySet();

    /**
     * @param events   the event store
     * @param patience how long the first look after a notification waits for the events to be fetched
     */
    public WakingEventSource(StreamableMessageSource<TrackedEventMessage<?>> events, Duration patience) {
        this.events = events;
        this.patience = patience;
    }

    /** Events were appended: each open stream calls its reader, and its next look waits for them. */
    public void appended() {
        open.forEach(stream -> stream.wake(true));
    }

    /** Nothing was heard for a while: each open stream calls its reader, who looks at once. */
    public void recheck() {
        open.forEach(stream -> stream.wake(false));
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        WakingStream stream = new WakingStream(events.openStream(trackingToken));
        open.add(stream);
        return stream;
    }

    @Override
    public TrackingToken createTailToken() {
        return events.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return events.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return events.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return events.createTokenSince(duration);
    }

    /** The store's stream, read by one processor's coordinator thread, woken from the listener's. */
    private final class WakingStream implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> stream;
        private final AtomicBoolean expecting = new AtomicBoolean();
        private volatile Runnable callback = () -> { };

        private WakingStream(BlockingStream<TrackedEventMessage<?>> stream) {
            this.stream = stream;
        }

        private void wake(boolean appended) {
            if (appended) {
                expecting.set(true);
            }
            try {
                callback.run();
            } catch (RuntimeException e) {
                // The processor is shutting down (its executor refuses work); it closes the stream.
                log.debug("A processor could not be woken: {}", e.toString());
            }
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            this.callback = callback;
            return true;
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            if (expecting.getAndSet(false)) {
                // In slices: a fetch that lands between the store's check and its wait is seen
                // on the next slice, not after the whole patience.
                long deadline = System.nanoTime() + patience.toNanos();
                while (System.nanoTime() < deadline) {
                    if (stream.hasNextAvailable((int) SLICE_MILLIS, TimeUnit.MILLISECONDS)) {
                        return true;
                    }
                }
                // Normal when the events came by another way first (a poll, a local commit).
                log.debug("No new event within {} ms of a notification", patience.toMillis());
            }
            return stream.hasNextAvailable(timeout, unit);
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return stream.peek();
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return stream.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            stream.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public void close() {
            open.remove(this);
            stream.close();
        }
    }
}
