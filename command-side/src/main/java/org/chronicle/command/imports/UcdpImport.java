package org.chronicle.command.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.chronicle.api.Figure;
import org.chronicle.api.Party;
import org.chronicle.api.Period;
import org.chronicle.api.Refusal;
import org.chronicle.api.chronicle.Area;
import org.chronicle.api.chronicle.ChronicleDefinition;
import org.chronicle.api.chronicle.DefineChronicle;
import org.chronicle.api.chronicle.Side;
import org.chronicle.api.report.Casualties;
import org.chronicle.api.report.Origin;
import org.chronicle.api.report.RecordReport;
import org.chronicle.api.report.ReportContent;
import org.chronicle.api.report.ReportKey;
import org.chronicle.api.report.ReportType;
import org.chronicle.api.report.SourceRef;
import org.chronicle.command.chronicle.ChronicleCatalog;
import org.chronicle.command.report.RecordingOutcome;
import org.chronicle.platform.eventstore.EventPositions;
import org.springframework.stereotype.Component;

/**
 * Imports UCDP GED CSV. A GED row is one event: a report dated {@code date_start} (and
 * {@code latestDate} = {@code date_end} when they differ) with the exact figures UCDP gives each
 * party: {@code deaths_a} for side A, {@code deaths_b} for side B, {@code deaths_civilians},
 * {@code deaths_unknown}. The row's own {@code low} and {@code high} concern the whole event, not
 * a party, so they stay in {@code origin} with the rest of the row, and an export gives them back.
 * The sides and areas (country, first and second administrative level, the place) the rows name
 * are added to the chronicle's definition, and its period widened, in one amendment before the
 * rows are recorded.
 */
@Component
class UcdpImport {

    static final String DATASET = "ucdp";
    private static final List<String> REQUIRED = List.of("id", "date_start", "date_end", "side_a_new_id", "side_a",
            "side_b_new_id", "side_b", "country", "deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown");
    private static final int MAX_ID = 100;

    private final CommandGateway commands;
    private final ChronicleCatalog catalog;
    private final EventPositions positions;

    UcdpImport(CommandGateway commands, ChronicleCatalog catalog, EventPositions positions) {
        this.commands = commands;
        this.catalog = catalog;
        this.positions = positions;
    }

    ImportResult run(String chronicleId, InputStream body) {
        Path file = null;
        try {
            file = Files.createTempFile("chronicle-ucdp-", ".csv");
            Files.copy(body, file, StandardCopyOption.REPLACE_EXISTING);
            Needs needs = new Needs();
            try (CsvRows rows = open(file)) {
                for (CsvRows.Row row = rows.next(); row != null; row = rows.next()) {
                    if (row.fields() != null) {
                        needs.add(row.fields());
                    }
                }
            }
            define(chronicleId, needs);
            ImportRows tally = new ImportRows(chronicleId);
            try (CsvRows rows = open(file)) {
                for (CsvRows.Row row = rows.next(); row != null; row = rows.next()) {
                    take(chronicleId, row, tally);
                }
            }
            return tally.result(positions.head());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (file != null) {
                file.toFile().delete();
            }
        }
    }

    private CsvRows open(Path file) throws IOException {
        CsvRows rows = new CsvRows(new BufferedReader(new InputStreamReader(Files.newInputStream(file),
                StandardCharsets.UTF_8)));
        List<String> missing = REQUIRED.stream().filter(column -> !rows.header().contains(column)).toList();
        if (!missing.isEmpty()) {
            rows.close();
            throw new Refusal.Invalid("body", "not a UCDP GED file: the header lacks " + String.join(", ", missing));
        }
        return rows;
    }

    private void take(String chronicleId, CsvRows.Row row, ImportRows tally) {
        String reportId = row.fields() == null ? null : reportId(row.fields().get("id"));
        tally.take(row.line(), reportId, () -> {
            if (row.fields() == null) {
                throw new Refusal.Invalid("row", row.unreadable());
            }
            ReportContent report = report(row.fields());
            return commands.sendAndWait(new RecordReport(new ReportKey(chronicleId, reportId), report))
                    == RecordingOutcome.RECORDED;
        });
    }

    /** Adds the sides and areas the file needs, and widens the period, in one amendment. */
    private void define(String chronicleId, Needs needs) {
        if (needs.start == null) {
            throw new Refusal.Invalid("body", "the file has no row with a readable date_start");
        }
        Optional<ChronicleDefinition> existing = catalog.definition(chronicleId);
        ChronicleDefinition current = existing.orElse(new ChronicleDefinition("Imported from UCDP GED", null,
                new Period(needs.start, needs.end), List.of(), List.of(), List.of()));
        Map<String, Side> sides = new LinkedHashMap<>();
        current.sides().forEach(side -> sides.put(side.id(), side));
        needs.sides.forEach(sides::putIfAbsent);
        Map<String, Area> areas = new LinkedHashMap<>();
        current.areas().forEach(area -> areas.put(area.id(), area));
        needs.areas.forEach(areas::putIfAbsent);
        LocalDate start = current.period().start().isBefore(needs.start) ? current.period().start() : needs.start;
        LocalDate end = current.period().end().isAfter(needs.end) ? current.period().end() : needs.end;
        ChronicleDefinition wanted = new ChronicleDefinition(current.name(), current.place(), new Period(start, end),
                List.copyOf(sides.values()), List.copyOf(areas.values()), current.initialControl());
        if (existing.isPresent() && wanted.equals(existing.get())) {
            return;
        }
        try {
            commands.sendAndWait(new DefineChronicle(chronicleId, wanted));
        } catch (CommandExecutionException e) {
            throw e.getCause() instanceof Refusal refusal ? refusal : e;
        }
    }

    /** The report of a GED row, its row kept whole as origin. */
    static ReportContent report(Map<String, String> row) {
        LocalDate start = date(row, "date_start");
        LocalDate end = date(row, "date_end");
        List<Casualties> casualties = new ArrayList<>();
        casualties.add(new Casualties(new Party(sideId(row.get("side_a_new_id"))), exactly(row, "deaths_a"), null));
        casualties.add(new Casualties(new Party(sideId(row.get("side_b_new_id"))), exactly(row, "deaths_b"), null));
        casualties.add(new Casualties(Party.CIVILIANS, exactly(row, "deaths_civilians"), null));
        casualties.add(new Casualties(Party.UNKNOWN, exactly(row, "deaths_unknown"), null));
        ReportType type = "3".equals(row.get("type_of_violence")) ? ReportType.CASUALTIES : ReportType.CLASH;
        return new ReportContent(type, start, end != null && end.isAfter(start) ? end : null, null, place(row).id(),
                summary(row), sources(row), casualties, null, null, null,
                new Origin(DATASET, row.get("id"), new LinkedHashMap<>(row)));
    }

    static String reportId(String rowId) {
        return rowId == null || rowId.isBlank() ? null : DATASET + "-" + rowId.strip();
    }

    static String sideId(String newId) {
        return "ucdp-side-" + (newId == null ? "" : newId.strip());
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
                    office.isEmpty() ? null : truncate(office, 500), i < dates.length ? lenientDay(dates[i]) : null, null));
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

    /** The most precise area the row names: the place, else the second or first level, else the country. */
    private static Area place(Map<String, String> row) {
        List<Area> chain = areas(row);
        return chain.get(chain.size() - 1);
    }

    /** Country, first and second administrative level and place, each within the one before. */
    static List<Area> areas(Map<String, String> row) {
        List<Area> chain = new ArrayList<>();
        String country = row.getOrDefault("country", "").strip();
        Area at = new Area(id("", country.isEmpty() ? "unknown-country" : country), country.isEmpty() ? "Unknown country"
                : truncate(country, 500), null, null);
        chain.add(at);
        for (String column : List.of("adm_1", "adm_2", "where_coordinates")) {
            String name = row.getOrDefault(column, "").strip();
            if (name.isEmpty() || chain.stream().anyMatch(a -> a.name().equalsIgnoreCase(name))) {
                continue;
            }
            JsonNode geometry = column.equals("where_coordinates") ? point(row) : null;
            at = new Area(id(at.id() + ".", name), truncate(name, 500), at.id(), geometry);
            chain.add(at);
        }
        return chain;
    }

    private static JsonNode point(Map<String, String> row) {
        try {
            double latitude = Double.parseDouble(row.getOrDefault("latitude", ""));
            double longitude = Double.parseDouble(row.getOrDefault("longitude", ""));
            ObjectNode point = JsonNodeFactory.instance.objectNode().put("type", "Point");
            point.putArray("coordinates").add(longitude).add(latitude);
            return point;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A readable id from a name, under its parent's; a hash keeps long ones unique within 100 characters. */
    private static String id(String prefix, String name) {
        String slug = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        String id = prefix + (slug.isEmpty() ? "x" + Integer.toHexString(name.hashCode()) : slug);
        if (id.length() <= MAX_ID) {
            return id;
        }
        String hash = String.format("%08x", id.hashCode());
        return id.substring(0, MAX_ID - 9) + "-" + hash;
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    /** What the rows need of the definition: their sides, areas and days. */
    private static final class Needs {
        final Map<String, Side> sides = new LinkedHashMap<>();
        final Map<String, Area> areas = new LinkedHashMap<>();
        LocalDate start;
        LocalDate end;

        void add(Map<String, String> row) {
            try {
                LocalDate first = date(row, "date_start");
                LocalDate last = date(row, "date_end");
                if (first == null) {
                    return;
                }
                last = last == null || last.isBefore(first) ? first : last;
                start = start == null || first.isBefore(start) ? first : start;
                end = end == null || last.isAfter(end) ? last : end;
                side(row, "side_a_new_id", "side_a");
                side(row, "side_b_new_id", "side_b");
                areas(row).forEach(area -> areas.putIfAbsent(area.id(), area));
            } catch (Refusal unreadable) {
                // The row is refused on its own when it is recorded.
            }
        }

        private void side(Map<String, String> row, String idColumn, String nameColumn) {
            String name = row.getOrDefault(nameColumn, "").strip();
            sides.putIfAbsent(sideId(row.get(idColumn)),
                    new Side(sideId(row.get(idColumn)), name.isEmpty() ? "Side " + row.get(idColumn) : truncate(name, 500)));
        }
    }
}
