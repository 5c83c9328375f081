package org.chronicle.command.chronicle;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.chronicle.api.chronicle.ChronicleAmended;
import org.chronicle.api.chronicle.ChronicleDefined;
import org.chronicle.api.report.Casualties;
import org.chronicle.api.report.ReportContent;
import org.chronicle.api.report.ReportCorrected;
import org.chronicle.api.report.ReportMarkedDuplicate;
import org.chronicle.api.report.ReportRecorded;
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
    void on(ChronicleDefined event, @SequenceNumber long sequence) {
        catalog.define(event.chronicleId(), event.definition(), sequence + 1);
    }

    @EventHandler
    void on(ChronicleAmended event, @SequenceNumber long sequence) {
        catalog.define(event.chronicleId(), event.definition(), sequence + 1);
    }

    @EventHandler
    void on(ReportRecorded event) {
        catalog.register(event.chronicleId(), event.reportId(), references(event.report()));
    }

    /** A retracted report keeps its references: it may be reinstated, and its versions stay in the record. */
    @EventHandler
    void on(ReportCorrected event) {
        catalog.move(event.chronicleId(), event.reportId(), references(event.report()));
    }

    @EventHandler
    void on(ReportMarkedDuplicate event) {
        catalog.markDuplicate(event.chronicleId(), event.reportId(), event.duplicateOf());
    }

    private static JdbcChronicleCatalog.References references(ReportContent report) {
        List<String> sides = new ArrayList<>();
        report.casualties().stream().map(Casualties::party)
                .filter(p -> p != null && !p.isReserved()).forEach(p -> sides.add(p.id()));
        Stream.of(report.shelling() == null ? null : report.shelling().by(),
                        report.defection() == null ? null : report.defection().from(),
                        report.defection() == null ? null : report.defection().to(),
                        report.control() == null ? null : report.control().to())
                .filter(Objects::nonNull).forEach(sides::add);
        LocalDate first = report.isPeriodClaim() ? report.period().start() : report.date();
        LocalDate last = report.isPeriodClaim() ? report.period().end()
                : Objects.requireNonNullElse(report.latestDate(), report.date());
        return new JdbcChronicleCatalog.References(List.of(report.area()), sides, first, last);
    }
}
