package org.chronicle.query.projection;

import org.axonframework.config.Configuration;

/**
 * A read model that the event store is projected into, in either of its two table sets. Each
 * feature declares its own; the query side gives each set its own processing group, whose
 * handler ({@link BatchHandler}) writes a batch of events with the projection's {@link BulkLoad},
 * as a rebuild writes a round.
 */
public interface Projection {

    String name();

    /**
     * Writes events into {@code set} many at a time: the rounds of a rebuild into an emptied set,
     * or, when {@code live}, the processor's batches, which may bring an event again after a crash.
     */
    BulkLoad load(TableSet set, Configuration axon, boolean live);

    /** An event handler of one projection that writes one table set. */
    interface Handler {

        String projection();

        TableSet set();
    }
}
