package org.chronicle.query.projection;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Where each segment of a processing group has read the event store to, whichever process owns
 * it. A segment this process works on is judged by its live status, which advances once a batch
 * has committed (and at once past events of other segments); the stored token of an idle segment
 * lags by up to the claim extension time. Segments of other processes are judged by their
 * stored tokens.
 */
@Component
public class Positions {

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final EventProcessingConfiguration processing;
    private final ProjectionSets sets;

    Positions(JdbcTemplate jdbc, Serializer serializer, EventProcessingConfiguration processing, ProjectionSets sets) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.processing = processing;
        this.sets = sets;
    }

    /**
     * Where the readers of {@code projection} stand: the set they read, and the tokens its
     * processor stored in the transactions that wrote its rows. Read twice alike, the set's rows
     * are alike too, so an answer worked out from them can be kept until the revision changes.
     * It changes more often than the rows do (a token advances past events of other
     * projections), never less.
     */
    public Revision revision(String projection) {
        TableSet set = sets.active(projection);
        List<ByteBuffer> tokens = jdbc.query("SELECT token FROM token_entry WHERE processor_name = ? ORDER BY segment",
                (rs, n) -> {
                    byte[] token = rs.getBytes(1);
                    return ByteBuffer.wrap(token == null ? new byte[0] : token);
                }, set.processor(projection));
        return new Revision(set, List.copyOf(tokens));
    }

    /** The set a projection's readers use and its processor's stored tokens, segment by segment. */
    public record Revision(TableSet set, List<ByteBuffer> tokens) {
    }

    /** Each segment's token; a segment that has read nothing yet maps to null. */
    public Map<Integer, TrackingToken> tokens(String processor) {
        Map<Integer, EventTrackerStatus> live = processing.eventProcessor(processor, StreamingEventProcessor.class)
                .map(StreamingEventProcessor::processingStatus)
                .orElse(Map.of());
        Map<Integer, TrackingToken> tokens = new HashMap<>();
        jdbc.query("SELECT segment, token, token_type FROM token_entry WHERE processor_name = ?", rs -> {
            byte[] token = rs.getBytes(2);
            tokens.put(rs.getInt(1), token == null ? null : serializer.<byte[], TrackingToken>deserialize(
                    new SimpleSerializedObject<>(token, byte[].class, rs.getString(3), null)));
        }, processor);
        live.forEach((segment, status) -> {
            if (tokens.containsKey(segment)) {
                tokens.put(segment, status.getTrackingToken());
            }
        });
        return tokens;
    }

    /** The position every segment has reached; empty before the group has stored any token. */
    public OptionalLong reached(String processor) {
        Map<Integer, TrackingToken> tokens = tokens(processor);
        if (tokens.isEmpty()) {
            return OptionalLong.empty();
        }
        long least = Long.MAX_VALUE;
        for (TrackingToken token : tokens.values()) {
            least = Math.min(least, token == null ? -1 : token.position().orElse(-1));
        }
        return OptionalLong.of(least);
    }

    /** Those of the positions that hold an event in the store, committed by now. */
    public List<Long> stored(Collection<Long> positions) {
        List<Long> all = List.copyOf(positions);
        List<Long> stored = new ArrayList<>();
        for (int from = 0; from < all.size(); from += 500) {
            List<Long> some = all.subList(from, Math.min(all.size(), from + 500));
            stored.addAll(jdbc.queryForList("SELECT global_index FROM domain_event_entry WHERE global_index IN ("
                    + String.join(", ", Collections.nCopies(some.size(), "?")) + ")", Long.class, some.toArray()));
        }
        return stored;
    }

    /** The global position of the newest event in the store; 0 when it is empty. */
    public long head() {
        Long head = jdbc.queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class);
        return head == null ? 0 : head;
    }
}
