package org.chronicle.query.chronicle;

import java.time.Instant;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.chronicle.api.chronicle.ChronicleAmended;
import org.chronicle.api.chronicle.ChronicleDefined;
import org.chronicle.query.Projections;
import org.chronicle.query.projection.Projection;
import org.chronicle.query.projection.TableSet;

/** Projects chronicle definitions. Idempotent: a redelivered event finds its version already there. */
class ChronicleDirectoryProjector implements Projection.Handler {

    private final ChronicleDirectory.Rows directory;
    private final TableSet set;

    ChronicleDirectoryProjector(ChronicleDirectory.Rows directory, TableSet set) {
        this.directory = directory;
        this.set = set;
    }

    @Override
    public String projection() {
        return Projections.CHRONICLES;
    }

    @Override
    public TableSet set() {
        return set;
    }

    @EventHandler
    void on(ChronicleDefined event, @SequenceNumber long sequence, @Timestamp Instant at) {
        directory.put(event.chronicleId(), event.definition(), sequence + 1, at);
    }

    @EventHandler
    void on(ChronicleAmended event, @SequenceNumber long sequence, @Timestamp Instant at) {
        directory.put(event.chronicleId(), event.definition(), sequence + 1, at);
    }
}
