package org.chronicle.query.projection;

import org.axonframework.eventhandling.TrackedEventMessage;

/**
 * How a rebuild fills a projection's table set: the events of the store in rounds of thousands,
 * each round written with a few statements, where the projection's event handler would make
 * several round trips per event. What depends on later events (when a version was replaced, the
 * day sums) is worked out once, at the end, over the whole set. The rows are the ones the event
 * handler writes for the same events; after the load the handler carries on from where it ended.
 */
public interface BulkLoad {

    /** Empties the set's tables: a load that starts from the first event. */
    void clear();

    /** Takes one event, in the order of the store; the rows it makes are written by the next {@link #write()}. */
    void add(TrackedEventMessage<?> event);

    /** Writes what the events added since the last write make, in the caller's transaction. */
    void write();

    /** After the last event: what needs every event, by set-based statements. Running it twice changes nothing. */
    void complete();
}
