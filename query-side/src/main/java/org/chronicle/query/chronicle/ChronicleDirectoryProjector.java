package org.chronicle.query.chronicle;

import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.chronicle.api.chronicle.ChronicleAmended;
import org.chronicle.api.chronicle.ChronicleDefined;
import org.chronicle.query.Projections;
import org.springframework.stereotype.Component;

/** Projects chronicle definitions. Idempotent: a redelivered event finds its version already there. */
@Component
@ProcessingGroup(Projections.CHRONICLES)
class ChronicleDirectoryProjector {

    private final ChronicleDirectory directory;

    ChronicleDirectoryProjector(ChronicleDirectory directory) {
        this.directory = directory;
    }

    @EventHandler
    void on(ChronicleDefined event, @SequenceNumber long sequence, @Timestamp Instant at) {
        directory.put(event.chronicleId(), event.definition(), sequence + 1, at);
    }

    @EventHandler
    void on(ChronicleAmended event, @SequenceNumber long sequence, @Timestamp Instant at) {
        directory.put(event.chronicleId(), event.definition(), sequence + 1, at);
    }

    @ResetHandler
    void reset() {
        directory.clear();
    }
}
