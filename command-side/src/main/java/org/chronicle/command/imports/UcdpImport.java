package org.chronicle.command.imports;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chronicle.api.Figure;
import org.chronicle.api.Party;
import org.chronicle.api.Refusal;
import org.chronicle.api.chronicle.Area;
import org.chronicle.api.chronicle.Side;
import org.chronicle.api.report.Casualties;
import org.chronicle.api.report.Origin;
import org.chronicle.api.report.ReportContent;
import org.chronicle.api.report.ReportType;
import org.chronicle.api.report.SourceRef;
import org.chronicle.command.chronicle.ChronicleCatalog;
import org.chronicle.command.chronicle.DefinitionLimits;
import org.chronicle.platform.eventstore.EventPositions;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * UCDP GED CSV. A GED row is one event: a report dated {@code date_start} (and
 * {@code latestDate} = {@code date_end} when they differ) with the exact figures UCDP gives each
 * party: {@code deaths_a} for side A, {@code deaths_b} for side B, {@code deaths_civilians},
 * {@code deaths_unknown}. The row's own {@code low} and {@code high} concern the whole event, not
 * a party, so they stay in {@code origin} with the rest of the row, and an export gives them back.
 * One-sided violence (type 3) is a CASUALTIES report; state-based and non-state conflict a CLASH.
 */
@Component
class UcdpImport extends CsvImport {

    UcdpImport(ChronicleCatalog catalog, DefinitionLimits limits, EventPositions positions,
                @Value("${chronicle.imports.parallelism:4}") int parallelism, CsvRows.Bounds bounds) {
        super(catalog, limits, positions, parallelism, bounds);
    }

    @Override
    String dataset() {
        return "ucdp";
    }

    @Override
    List<String> required() {
        return List.of("id", "date_start", "date_end", "side_a_new_id", "side_a", "side_b_new_id", "side_b",
                "country", "deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown");
    }

    @Override
    String rowId(Map<String, String> row) {
        return row.get("id");
    }

    @Override
    void need(Map<String, String> row, Needs needs) {
        LocalDate first = date(row, "date_start");
        if (first == null) {
            return;
        }
        needs.days(first, date(row, "date_end"));
        needs.side(side(row, "side_a_new_id", "side_a"));
        needs.side(side(row, "side_b_new_id", "side_b"));
        needs.areas(areas(row));
    }

    @Override
    ReportContent report(Map<String, String> row) {
        LocalDate start = date(row, "date_start");
        if (start == null) {
            throw new Refusal.Invalid("date_start", "is required");
        }
        LocalDate end = date(row, "date_end");
        List<Casualties> casualties = new ArrayList<>();
        casualties.add(new Casualties(new Party(sideId(row.get("side_a_new_id"))), exactly(row, "deaths_a"), null));
        casualties.add(new Casualties(new Party(sideId(row.get("side_b_new_id"))), exactly(row, "deaths_b"), null));
        casualties.add(new Casualties(Party.CIVILIANS, exactly(row, "deaths_civilians"), null));
        casualties.add(new Casualties(Party.UNKNOWN, exactly(row, "deaths_unknown"), null));
        ReportType type = "3".equals(row.get("type_of_violence")) ? ReportType.CASUALTIES : ReportType.CLASH;
        List<Area> areas = areas(row);
        return new ReportContent(type, start, end != null && end.isAfter(start) ? end : null, null,
                areas.get(areas.size() - 1).id(), summary(row), sources(row), casualties, null, null, null,
                new Origin(dataset(), row.get("id"), new LinkedHashMap<>(row)));
    }

    private static Side side(Map<String, String> row, String idColumn, String nameColumn) {
        String name = row.getOrDefault(nameColumn, "").strip();
        return new Side(sideId(row.get(idColumn)), name.isEmpty() ? "Side " + row.get(idColumn) : truncate(name, 500));
    }

    static String sideId(String newId) {
        return "ucdp-side-" + (newId == null ? "" : newId.strip());
    }

    private static List<Area> areas(Map<String, String> row) {
        return chain(row.get("country"), List.of(row.getOrDefault("adm_1", ""), row.getOrDefault("adm_2", "")),
                row.get("where_coordinates"), row.get("latitude"), row.get("longitude"));
    }

    private static Figure exactly(Map<String, String> row, String column) {
        String value = row.getOrDefault(column, "").strip();
        try {
            return value.isEmpty() ? null : Figure.exactly(Long.parseLong(value));
        } catch (NumberFormatException e) {
            throw new Refusal.Invalid(column, "'" + value + "' is not a whole number");
        }
    }

    private static LocalDate date(Map<String, String> row, String column) {
        String value = row.getOrDefault(column, "").strip();
        try {
            return value.isEmpty() ? null : LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
        } catch (DateTimeParseException e) {
            throw new Refusal.Invalid(column, "'" + value + "' is not a day (YYYY-MM-DD)");
        }
    }

    private static String summary(Map<String, String> row) {
        String dyad = row.getOrDefault("dyad_name", "").strip();
        String where = row.getOrDefault("where_description", "").strip();
        String summary = String.join(": ", List.of(dyad, where).stream().filter(s -> !s.isEmpty()).toList());
        return summary.isEmpty() ? "UCDP GED event " + row.get("id") : truncate(summary, 4_000);
    }

    /**
     * GED lists an event's sources in parallel columns separated by semicolons: offices, dates and
     * headlines. An event without a headline still cites UCDP.
     */
    private static List<SourceRef> sources(Map<String, String> row) {
        String[] offices = row.getOrDefault("source_office", "").split(";");
        String[] dates = row.getOrDefault("source_date", "").split(";");
        String[] headlines = row.getOrDefault("source_headline", "").split(";");
        List<SourceRef> sources = new ArrayList<>();
        for (int i = 0; i < headlines.length && sources.size() < 100; i++) {
            String headline = headlines[i].strip();
            String office = i < offices.length ? offices[i].strip() : "";
            if (headline.isEmpty() && office.isEmpty()) {
                continue;
            }
            sources.add(new SourceRef(truncate(headline.isEmpty() ? office : headline, 500),
                    office.isEmpty() ? null : truncate(office, 500), i < dates.length ? lenientDay(dates[i]) : null,
                    null));
        }
        if (sources.isEmpty()) {
            sources.add(new SourceRef("UCDP GED event " + row.get("id"), "UCDP", null, null));
        }
        return sources;
    }

    private static LocalDate lenientDay(String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
