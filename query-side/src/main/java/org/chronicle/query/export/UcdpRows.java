package org.chronicle.query.export;

import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.chronicle.api.Figure;
import org.chronicle.api.Party;
import org.chronicle.api.report.Casualties;
import org.chronicle.api.report.ReportContent;

/**
 * The effective reports as rows of UCDP GED's CSV columns. A report imported from GED gives its
 * row back, with the party figures and {@code best} of its effective version (a correction shows);
 * any other report fills the columns it can: id, days, the civilian and unknown dead, best.
 */
final class UcdpRows {

    static final List<String> COLUMNS = List.of("id", "relid", "year", "active_year", "code_status",
            "type_of_violence", "conflict_dset_id", "conflict_new_id", "conflict_name", "dyad_dset_id", "dyad_new_id",
            "dyad_name", "side_a_dset_id", "side_a_new_id", "side_a", "side_b_dset_id", "side_b_new_id", "side_b",
            "number_of_sources", "source_article", "source_office", "source_date", "source_headline",
            "source_original", "where_prec", "where_coordinates", "where_description", "adm_1", "adm_2", "latitude",
            "longitude", "geom_wkt", "priogrid_gid", "country", "country_id", "region", "event_clarity", "date_prec",
            "date_start", "date_end", "deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown", "best", "high",
            "low", "gwnoa", "gwnob");

    private final CsvLines out;

    UcdpRows(Writer writer, CsvLines.Cells cells) throws IOException {
        this.out = new CsvLines(writer, cells);
        out.line(COLUMNS);
    }

    void add(String reportId, ReportContent report) throws IOException {
        Map<String, String> row = new LinkedHashMap<>();
        COLUMNS.forEach(column -> row.put(column, ""));
        boolean fromGed = report.origin() != null && "ucdp".equals(report.origin().dataset());
        if (fromGed) {
            row.putAll(report.origin().fields());
            row.put("deaths_a", killed(report, "ucdp-side-" + row.get("side_a_new_id")));
            row.put("deaths_b", killed(report, "ucdp-side-" + row.get("side_b_new_id")));
        } else {
            row.put("id", reportId);
            row.put("year", String.valueOf(first(report).getYear()));
            row.put("date_start", first(report).toString());
            row.put("date_end", last(report).toString());
            row.put("where_description", report.area());
        }
        row.put("deaths_civilians", killed(report, Party.CIVILIANS.id()));
        row.put("deaths_unknown", killed(report, Party.UNKNOWN.id()));
        row.put("best", String.valueOf(report.casualties().stream().map(Casualties::killed).filter(Objects::nonNull)
                .mapToLong(Figure::best).sum()));
        out.line(COLUMNS.stream().map(row::get).toList());
    }

    static String killed(ReportContent report, String party) {
        return report.casualties().stream().filter(c -> c.party().id().equals(party) && c.killed() != null)
                .map(c -> String.valueOf(c.killed().best())).findFirst().orElse("0");
    }

    static java.time.LocalDate first(ReportContent report) {
        return report.isPeriodClaim() ? report.period().start() : report.date();
    }

    private static java.time.LocalDate last(ReportContent report) {
        return report.isPeriodClaim() ? report.period().end()
                : report.latestDate() != null ? report.latestDate() : report.date();
    }
}
