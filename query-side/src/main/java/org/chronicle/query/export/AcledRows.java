package org.chronicle.query.export;

import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.chronicle.api.Figure;
import org.chronicle.api.report.Casualties;
import org.chronicle.api.report.ReportContent;
import org.chronicle.api.report.SourceRef;

/**
 * The effective reports as rows of ACLED's CSV columns. A report imported from ACLED gives its row
 * back with the fatalities of its effective version; any other report fills what it can.
 */
final class AcledRows {

    static final List<String> COLUMNS = List.of("event_id_cnty", "event_date", "time_precision", "event_type",
            "sub_event_type", "actor1", "actor2", "admin1", "admin2", "admin3", "location", "latitude", "longitude",
            "geo_precision", "source", "notes", "fatalities", "timestamp");

    private final CsvLines out;

    AcledRows(Writer writer, CsvLines.Cells cells) throws IOException {
        this.out = new CsvLines(writer, cells);
        out.line(COLUMNS);
    }

    void add(String reportId, ReportContent report) throws IOException {
        Map<String, String> row = new LinkedHashMap<>();
        COLUMNS.forEach(column -> row.put(column, ""));
        if (report.origin() != null && "acled".equals(report.origin().dataset())) {
            report.origin().fields().forEach((column, value) -> {
                if (row.containsKey(column)) {
                    row.put(column, value);
                }
            });
        } else {
            row.put("event_id_cnty", reportId);
            row.put("event_date", UcdpRows.first(report).toString());
            row.put("event_type", eventType(report));
            row.put("sub_event_type", subEventType(report));
            row.put("location", report.area());
            row.put("notes", report.summary());
            row.put("source", report.sources().stream().map(SourceRef::name).collect(Collectors.joining("; ")));
        }
        row.put("fatalities", String.valueOf(report.casualties().stream().map(Casualties::killed)
                .filter(Objects::nonNull).mapToLong(Figure::best).sum()));
        out.line(COLUMNS.stream().map(row::get).toList());
    }

    private static String eventType(ReportContent report) {
        return switch (report.type()) {
            case SHELLING -> "Explosions/Remote violence";
            case CONTROL_CHANGE -> "Strategic developments";
            case CLASH -> "Battles";
            default -> "Violence against civilians";
        };
    }

    private static String subEventType(ReportContent report) {
        return switch (report.type()) {
            case SHELLING -> "Shelling/artillery/missile attack";
            case CONTROL_CHANGE -> "Non-state actor overtakes territory";
            case CLASH -> "Armed clash";
            default -> "Attack";
        };
    }
}
