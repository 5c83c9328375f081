package org.chronicle.command.report;

import java.time.LocalDate;
import java.util.List;
import org.chronicle.api.Period;
import org.chronicle.api.report.Casualties;
import org.chronicle.api.report.ControlChange;
import org.chronicle.api.report.Defection;
import org.chronicle.api.report.Origin;
import org.chronicle.api.report.ReportContent;
import org.chronicle.api.report.ReportType;
import org.chronicle.api.report.Shelling;
import org.chronicle.api.report.SourceRef;

/** The body of {@code POST .../reports}: a report's content with the id its client may choose. */
record ReportRequest(
        String reportId,
        ReportType type,
        LocalDate date,
        LocalDate latestDate,
        Period period,
        String area,
        String summary,
        List<SourceRef> sources,
        List<Casualties> casualties,
        Shelling shelling,
        Defection defection,
        ControlChange control,
        Origin origin) {

    ReportContent content() {
        return new ReportContent(type, date, latestDate, period, area, summary, sources, casualties,
                shelling, defection, control, origin);
    }
}
