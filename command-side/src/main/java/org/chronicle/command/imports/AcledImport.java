package org.chronicle.command.imports;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.chronicle.api.Figure;
import org.chronicle.api.Party;
import org.chronicle.api.Refusal;
import org.chronicle.api.chronicle.Area;
import org.chronicle.api.chronicle.Side;
import org.chronicle.api.report.Casualties;
import org.chronicle.api.report.ControlChange;
import org.chronicle.api.report.Extent;
import org.chronicle.api.report.Origin;
import org.chronicle.api.report.ReportContent;
import org.chronicle.api.report.ReportType;
import org.chronicle.api.report.Shelling;
import org.chronicle.api.report.SourceRef;
import org.chronicle.command.chronicle.ChronicleCatalog;
import org.chronicle.command.chronicle.DefinitionLimits;
import org.chronicle.platform.eventstore.EventPositions;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * ACLED CSV. Each row is one event: "Shelling/artillery/missile attack" a SHELLING by actor 1,
 * "Government regains territory" and "Non-state actor overtakes territory" a CONTROL_CHANGE to
 * actor 1 of the whole location, "Armed clash" a CLASH, anything else CASUALTIES. ACLED counts
 * fatalities per event, not per party, so {@code fatalities} is a figure of the {@code unknown}
 * party. Actors become sides; country, admin1-3 and the location become areas.
 */
@Component
class AcledImport extends CsvImport {

    private static final DateTimeFormatter SPELLED = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    AcledImport(ChronicleCatalog catalog, DefinitionLimits limits, EventPositions positions,
                @Value("${chronicle.imports.parallelism:4}") int parallelism, CsvRows.Bounds bounds) {
        super(catalog, limits, positions, parallelism, bounds);
    }

    @Override
    String dataset() {
        return "acled";
    }

    @Override
    List<String> required() {
        return List.of("event_id_cnty", "event_date", "event_type", "sub_event_type", "actor1", "location",
                "fatalities");
    }

    @Override
    String rowId(Map<String, String> row) {
        return row.get("event_id_cnty");
    }

    @Override
    void need(Map<String, String> row, Needs needs) {
        LocalDate day = day(row);
        needs.days(day, day);
        for (String actor : List.of("actor1", "actor2")) {
            String name = row.getOrDefault(actor, "").strip();
            if (!name.isEmpty()) {
                needs.side(new Side(sideId(name), truncate(name, 500)));
            }
        }
        needs.areas(areas(row));
    }

    @Override
    ReportContent report(Map<String, String> row) {
        String subEvent = row.getOrDefault("sub_event_type", "").strip();
        String actor1 = row.getOrDefault("actor1", "").strip();
        ReportType type = switch (subEvent) {
            case "Shelling/artillery/missile attack" -> ReportType.SHELLING;
            case "Government regains territory", "Non-state actor overtakes territory" -> ReportType.CONTROL_CHANGE;
            case "Armed clash" -> ReportType.CLASH;
            default -> ReportType.CASUALTIES;
        };
        if ((type == ReportType.SHELLING || type == ReportType.CONTROL_CHANGE) && actor1.isEmpty()) {
            throw new Refusal.Invalid("actor1", "is required for " + subEvent);
        }
        List<Area> areas = areas(row);
        List<Casualties> casualties = new ArrayList<>();
        String fatalities = row.getOrDefault("fatalities", "").strip();
        if (!fatalities.isEmpty()) {
            try {
                casualties.add(new Casualties(Party.UNKNOWN, Figure.exactly(Long.parseLong(fatalities)), null));
            } catch (NumberFormatException e) {
                throw new Refusal.Invalid("fatalities", "'" + fatalities + "' is not a whole number");
            }
        }
        String notes = row.getOrDefault("notes", "").strip();
        String summary = notes.isEmpty() ? subEvent + " in " + row.getOrDefault("location", "").strip() : notes;
        return new ReportContent(type, day(row), null, null, areas.get(areas.size() - 1).id(),
                truncate(summary, 4_000), sources(row), casualties,
                type == ReportType.SHELLING ? new Shelling(sideId(actor1), null, null, null) : null, null,
                type == ReportType.CONTROL_CHANGE ? new ControlChange(sideId(actor1), Extent.FULL) : null,
                new Origin(dataset(), row.get("event_id_cnty"), new LinkedHashMap<>(row)));
    }

    static String sideId(String actor) {
        return id("acled-", actor);
    }

    private static List<Area> areas(Map<String, String> row) {
        return chain(row.get("country"), List.of(row.getOrDefault("admin1", ""), row.getOrDefault("admin2", ""),
                row.getOrDefault("admin3", "")), row.get("location"), row.get("latitude"), row.get("longitude"));
    }

    /** ACLED writes days as 2012-01-31 in its current files and as 31 January 2012 in older ones. */
    private static LocalDate day(Map<String, String> row) {
        String value = row.getOrDefault("event_date", "").strip();
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException iso) {
            try {
                return LocalDate.parse(value, SPELLED);
            } catch (DateTimeParseException spelled) {
                throw new Refusal.Invalid("event_date", "'" + value + "' is not a day (2012-01-31 or 31 January 2012)");
            }
        }
    }

    /** ACLED names its sources in one column, separated by semicolons; they carry no day of their own. */
    private static List<SourceRef> sources(Map<String, String> row) {
        List<SourceRef> sources = new ArrayList<>();
        for (String source : row.getOrDefault("source", "").split(";")) {
            if (!source.isBlank() && sources.size() < 100) {
                sources.add(new SourceRef(truncate(source.strip(), 500), truncate(source.strip(), 500), null, null));
            }
        }
        if (sources.isEmpty()) {
            sources.add(new SourceRef("ACLED event " + row.get("event_id_cnty"), "ACLED", null, null));
        }
        return sources;
    }
}
