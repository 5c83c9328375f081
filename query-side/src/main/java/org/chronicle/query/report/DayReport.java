package org.chronicle.query.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import org.chronicle.api.Period;
import org.chronicle.api.report.Casualties;
import org.chronicle.api.report.ReportStatus;
import org.chronicle.api.report.SourceRef;

/** A report as a day lists it: retracted and duplicate ones too, with their status. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DayReport(String reportId, String type, long version, ReportStatus status, String summary,
                        List<SourceRef> sources, LocalDate date, Period period, String area,
                        List<Casualties> casualties) {
}
