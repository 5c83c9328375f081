package org.chronicle.command.chronicle;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.chronicle.api.report.Casualties;
import org.chronicle.api.report.ReportContent;
import org.chronicle.api.report.ReportRecorded;
import org.chronicle.api.chronicle.ChronicleAmended;
import org.chronicle.api.chronicle.ChronicleDefined;
import org.chronicle.command.CommandSideApplication;
import org.springframework.stereotype.Component;

/** Keeps {@link ChronicleCatalog} in step with the events, inside the transaction that appends them. */
@Component
@ProcessingGroup(CommandSideApplication.LOOKUPS)
class ChronicleCatalogUpdater {

    private final JdbcChronicleCatalog catalog;

    ChronicleCatalogUpdater(JdbcChronicleCatalog catalog) {
        this.catalog = catalog;
    }

    @EventHandler
    void on(ChronicleDefined event, @SequenceNumber long version) {
        catalog.define(event.chronicleId(), event.definition(), version);
    }

    @EventHandler
    void on(ChronicleAmended event, @SequenceNumber long version) {
        catalog.define(event.chronicleId(), event.definition(), version);
    }

    @EventHandler
    void on(ReportRecorded event) {
        refer(event.chronicleId(), event.reportId(), event.content());
    }

    private void refer(String chronicleId, String reportId, ReportContent content) {
        List<String> sides = new ArrayList<>();
        content.casualties().stream().map(Casualties::party)
                .filter(p -> p != null && !p.isReserved()).forEach(p -> sides.add(p.id()));
        Stream.of(content.shelling() == null ? null : content.shelling().by(),
                        content.defection() == null ? null : content.defection().from(),
                        content.defection() == null ? null : content.defection().to(),
                        content.control() == null ? null : content.control().to())
                .filter(Objects::nonNull).forEach(sides::add);
        LocalDate first = content.isPeriodClaim() ? content.period().start() : content.date();
        LocalDate last = content.isPeriodClaim() ? content.period().end()
                : Objects.requireNonNullElse(content.latestDate(), content.date());
        catalog.refer(chronicleId, reportId, List.of(content.area()), sides, first, last);
    }
}
