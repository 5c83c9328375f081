package org.chronicle.platform.eventstore;

import java.util.List;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

/**
 * Axon's embedded event store, which can also be told that another process has appended events.
 * Its producer thread fills the cache that caught-up streams read from; it fetches when a local
 * commit wakes it, and otherwise only once per fetch delay. {@link #fetchNow()} wakes it the way a
 * local commit does.
 */
public class WakeableEventStore extends EmbeddedEventStore {

    public WakeableEventStore(EmbeddedEventStore.Builder builder) {
        super(builder);
    }

    /** Events were appended elsewhere: fetch them now rather than after the rest of the fetch delay. */
    public void fetchNow() {
        // What a local commit does: the producer fetches at once if it is waiting, or fetches
        // again right after the fetch it is doing.
        afterCommit(List.of());
    }
}
