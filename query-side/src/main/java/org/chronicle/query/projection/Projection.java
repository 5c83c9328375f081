package org.chronicle.query.projection;

import org.axonframework.config.Configuration;

/**
 * A read model that the event store is projected into, in either of its two table sets. Each
 * feature declares its own; the query side gives each set its own processing group.
 */
public interface Projection {

    String name();

    /** The event handler that fills {@code set} of this projection's tables. */
    Handler handlerFor(TableSet set, Configuration axon);

    /** What a rebuild fills {@code set} with, many events at a time, before the handler takes over. */
    BulkLoad bulkLoad(TableSet set, Configuration axon);

    /** An event handler of one projection that writes one table set. */
    interface Handler {

        String projection();

        TableSet set();
    }
}
