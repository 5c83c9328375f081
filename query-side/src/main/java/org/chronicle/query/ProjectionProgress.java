package org.chronicle.query;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.chronicle.api.Refusal;
import org.chronicle.platform.web.StillWorking;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How far the projections have read the event store, from their tokens in {@code token_entry}
 * (every segment, whichever process owns it). A read given {@code consistentWith=<position>}
 * waits here until every segment of every projection has processed that position.
 */
@Component
public class ProjectionProgress {

    private static final Duration PATIENCE = Duration.ofSeconds(5);
    private static final long PAUSE_MILLIS = 10;

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final EventProcessingConfiguration processing;

    ProjectionProgress(JdbcTemplate jdbc, Serializer serializer, EventProcessingConfiguration processing) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.processing = processing;
    }

    /** Waits until {@code position} is processed; a 503 with Retry-After when it takes longer than 5 s. */
    public void await(Long position) {
        if (position == null) {
            return;
        }
        if (position < 0) {
            throw new Refusal.Invalid("consistentWith", "must be a position a write answered (0 or more)");
        }
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!processed(position)) {
            if (System.nanoTime() > deadline) {
                throw new NotYetProcessed(position);
            }
            try {
                Thread.sleep(PAUSE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new NotYetProcessed(position);
            }
        }
    }

    boolean processed(long position) {
        TrackingToken target = GapAwareTrackingToken.newInstance(position, List.of());
        return Projections.ALL.stream().allMatch(projection -> processed(projection, target));
    }

    /**
     * A segment this process works on is judged by its live status, which advances once a batch
     * has committed (and at once past events of other segments); the stored token of an idle
     * segment lags by up to the claim extension time. Segments of other processes are judged by
     * their stored tokens.
     */
    private boolean processed(String projection, TrackingToken target) {
        Map<Integer, EventTrackerStatus> live = processing.eventProcessor(projection, StreamingEventProcessor.class)
                .map(StreamingEventProcessor::processingStatus)
                .orElse(Map.of());
        Map<Integer, TrackingToken> stored = new HashMap<>();
        jdbc.query("SELECT segment, token, token_type FROM token_entry WHERE processor_name = ?", rs -> {
            byte[] token = rs.getBytes(2);
            stored.put(rs.getInt(1), token == null ? null : serializer.<byte[], TrackingToken>deserialize(
                    new SimpleSerializedObject<>(token, byte[].class, rs.getString(3), null)));
        }, projection);
        if (stored.isEmpty()) {
            return false;
        }
        return stored.entrySet().stream().allMatch(segment -> {
            EventTrackerStatus status = live.get(segment.getKey());
            TrackingToken token = status != null ? status.getTrackingToken() : segment.getValue();
            return token != null && token.covers(target);
        });
    }

    /** The projections have not reached the position in time: the client may ask again shortly. */
    static final class NotYetProcessed extends StillWorking {
        NotYetProcessed(long position) {
            super("The read models have not yet processed position " + position + "; ask again shortly.");
        }
    }
}
