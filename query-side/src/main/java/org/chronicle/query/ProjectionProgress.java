package org.chronicle.query;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.chronicle.api.Refusal;
import org.chronicle.platform.web.StillWorking;
import org.chronicle.query.projection.Positions;
import org.chronicle.query.projection.ProjectionSets;
import org.springframework.stereotype.Component;

/**
 * How far the projections have read the event store: the tokens of the table sets that readers
 * use, every segment, whichever process owns it. A read given {@code consistentWith=<position>}
 * waits here until every segment of every projection has processed that position.
 */
@Component
public class ProjectionProgress {

    private static final Duration PATIENCE = Duration.ofSeconds(5);
    private static final Duration GAPS_WAITED_FOR = Duration.ofSeconds(1);
    private static final long PAUSE_MILLIS = 10;

    private final Positions positions;
    private final ProjectionSets sets;

    ProjectionProgress(Positions positions, ProjectionSets sets) {
        this.positions = positions;
        this.sets = sets;
    }

    /** Waits until {@code position} is processed; a 503 with Retry-After when it takes longer than 5 s. */
    public void await(Long position) {
        if (position == null) {
            return;
        }
        if (position < 0) {
            throw new Refusal.Invalid("consistentWith", "must be a position a write answered (0 or more)");
        }
        // A position is answered only once its event is committed, so one past the store's last
        // event cannot be processed within the wait: the 503 comes at once, holding no thread.
        if (position > positions.head()) {
            throw new NotYetProcessed(position);
        }
        long start = System.nanoTime();
        long deadline = start + PATIENCE.toNanos();
        // First every position below must be in too, since a gap below may be a write still
        // committing (an import's rows commit side by side); after a second, a gap is taken for an
        // append that rolled back and will never be filled, unless the store holds its event: then
        // it was committed after the processor read past it, and is waited for still.
        while (!processed(position, System.nanoTime() - start < GAPS_WAITED_FOR.toNanos())) {
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
        return processed(position, false);
    }

    private boolean processed(long position, boolean gapsBelowToo) {
        SortedSet<Long> gaps = new TreeSet<>();
        for (String projection : Projections.ALL) {
            Map<Integer, TrackingToken> tokens = positions.tokens(sets.active(projection).processor(projection));
            if (tokens.isEmpty() || !tokens.values().stream().allMatch(token -> token != null
                    && (gapsBelowToo ? token.covers(GapAwareTrackingToken.newInstance(position, List.of()))
                    : processed(token, position)))) {
                return false;
            }
            tokens.values().forEach(token -> gaps.addAll(gapsBelow(token, position)));
        }
        return gaps.isEmpty() || positions.stored(gaps).isEmpty();
    }

    private static SortedSet<Long> gapsBelow(TrackingToken token, long position) {
        return WrappedToken.unwrap(token, GapAwareTrackingToken.class)
                .map(gapAware -> gapAware.getGaps().headSet(position))
                .orElse(Collections.emptySortedSet());
    }

    /**
     * The token is past the position and the position is not one of its gaps. A gap below it does
     * not hold the read up: it is usually a position whose append rolled back (the loser of a race
     * between two writers of one report) and that no event will ever fill, and Axon's own
     * {@code covers} would wait for it until the gap ages out of the token, thousands of events later.
     */
    static boolean processed(TrackingToken token, long position) {
        return WrappedToken.unwrap(token, GapAwareTrackingToken.class)
                .map(gapAware -> gapAware.covers(
                        GapAwareTrackingToken.newInstance(position, gapAware.getGaps().headSet(position))))
                .orElseGet(() -> token.position().orElse(-1) >= position);
    }

    /** The projections have not reached the position in time: the client may ask again shortly. */
    static final class NotYetProcessed extends StillWorking {
        NotYetProcessed(long position) {
            super("The read models have not yet processed position " + position + "; ask again shortly.");
        }
    }
}
