package org.chronicle.command.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.chronicle.api.Period;
import org.chronicle.api.PlainText;
import org.chronicle.api.Refusal;
import org.chronicle.api.chronicle.Area;
import org.chronicle.api.chronicle.ChronicleDefinition;
import org.chronicle.api.chronicle.DefineChronicle;
import org.chronicle.api.chronicle.Side;
import org.chronicle.api.report.RecordReport;
import org.chronicle.api.report.ReportContent;
import org.chronicle.api.report.ReportKey;
import org.chronicle.command.chronicle.ChronicleCatalog;
import org.chronicle.command.chronicle.DefinitionLimits;
import org.chronicle.command.report.RecordingOutcome;
import org.chronicle.platform.eventstore.EventPositions;

/**
 * An import of a dataset's CSV, one event a row. The file, kept on disk, is read twice: first
 * for what the rows need of the chronicle's definition (sides, areas, days), added in one
 * amendment; then row by row, each a report judged alone. Every row is a report of its own, so
 * rows are recorded several at a time ({@code chronicle.imports.parallelism}), each in its own
 * transaction. A row's id in the dataset is its report's id, so a second import of the file
 * records nothing.
 */
abstract class CsvImport {

    private static final int MAX_ID = 100;

    private final ChronicleCatalog catalog;
    private final DefinitionLimits limits;
    private final EventPositions positions;
    private final int parallelism;
    private final CsvRows.Bounds bounds;

    CsvImport(ChronicleCatalog catalog, DefinitionLimits limits, EventPositions positions, int parallelism,
              CsvRows.Bounds bounds) {
        this.catalog = catalog;
        this.limits = limits;
        this.positions = positions;
        this.parallelism = parallelism;
        this.bounds = bounds;
    }

    /** The dataset's name, as {@code origin.dataset} and the prefix of report ids. */
    abstract String dataset();

    /** The columns without which a file is not of this dataset. */
    abstract List<String> required();

    /** The row's id in the dataset. */
    abstract String rowId(Map<String, String> row);

    /** Adds what the row needs of the definition. */
    abstract void need(Map<String, String> row, Needs needs);

    /** The report of a row; a {@link Refusal} names the column at fault. */
    abstract ReportContent report(Map<String, String> row);

    ImportResult run(ImportCommands commands, String chronicleId, Path file, ImportProgress progress) {
        try {
            Needs needs = new Needs(limits, catalog.definition(chronicleId).map(ChronicleDefinition::period));
            long count = 0;
            try (CsvRows rows = open(file)) {
                for (CsvRows.Row row = rows.next(); row != null; row = rows.next()) {
                    count++;
                    if (row.fields() != null && unplain(row.fields()) == null) {
                        try {
                            need(row.fields(), needs);
                        } catch (Refusal unreadable) {
                            // The row is refused on its own when it is recorded.
                        }
                    }
                }
            }
            progress.total(count);
            define(commands, chronicleId, needs);
            ImportRows tally = new ImportRows(commands.importId(), chronicleId, progress);
            try (CsvRows rows = open(file); InFlight inFlight = new InFlight(parallelism)) {
                for (CsvRows.Row row = rows.next(); row != null; row = rows.next()) {
                    CsvRows.Row next = row;
                    inFlight.submit(() -> take(commands, chronicleId, next, tally));
                }
            }
            return tally.result(positions.head());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String reportId(String rowId) {
        return rowId == null || rowId.isBlank() ? null : dataset() + "-" + rowId.strip();
    }

    /** Reads the file as UTF-8 and nothing else: a malformed byte is a refusal, not a replacement character. */
    private CsvRows open(Path file) throws IOException {
        CsvRows rows = new CsvRows(new BufferedReader(new InputStreamReader(Files.newInputStream(file),
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT))), bounds);
        List<String> missing = required().stream().filter(column -> !rows.header().contains(column)).toList();
        if (!missing.isEmpty()) {
            rows.close();
            throw new Refusal.Invalid("body", "not a " + dataset().toUpperCase(Locale.ROOT)
                    + " file: the header lacks " + String.join(", ", missing));
        }
        return rows;
    }

    /**
     * The first field that is not plain text (a NUL, a control character, half a surrogate pair),
     * as the refusal of its row, or null. Every field is checked, not only those the report reads:
     * the whole row is kept as the report's origin, and a read model could not keep a NUL.
     */
    static Refusal.Invalid unplain(Map<String, String> row) {
        for (Map.Entry<String, String> field : row.entrySet()) {
            Optional<String> why = PlainText.refusal(field.getValue());
            if (why.isPresent()) {
                return new Refusal.Invalid(field.getKey(), why.get());
            }
        }
        return null;
    }

    private void take(ImportCommands commands, String chronicleId, CsvRows.Row row, ImportRows tally) {
        String reportId = row.fields() == null ? null : reportId(rowId(row.fields()));
        tally.take(row.line(), reportId, () -> {
            if (row.fields() == null) {
                throw new Refusal.Invalid("row", row.unreadable());
            }
            Refusal.Invalid unplain = unplain(row.fields());
            if (unplain != null) {
                throw unplain;
            }
            if (reportId == null) {
                throw new Refusal.Invalid("id", "the row has no id");
            }
            return commands.send(new RecordReport(new ReportKey(chronicleId, reportId), report(row.fields())))
                    == RecordingOutcome.RECORDED;
        });
    }

    /** Adds the sides and areas the file needs, and widens the period, in one amendment. */
    private void define(ImportCommands commands, String chronicleId, Needs needs) {
        if (needs.start == null) {
            throw new Refusal.Invalid("body", "the file has no row with a readable day");
        }
        Optional<ChronicleDefinition> existing = catalog.definition(chronicleId);
        ChronicleDefinition current = existing.orElse(new ChronicleDefinition(
                "Imported from " + dataset().toUpperCase(Locale.ROOT), null, new Period(needs.start, needs.end),
                List.of(), List.of(), List.of()));
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
        commands.sendOrRefuse(new DefineChronicle(chronicleId, wanted));
    }

    /**
     * What the rows need of the definition: their sides, areas and days. A row's days widen the
     * period only while it keeps to the years and the length the limits allow, taken in the order
     * of the file from the period the chronicle has; a row past them is left outside the period,
     * so that it is refused alone when it is recorded, with its line.
     */
    static final class Needs {
        final Map<String, Side> sides = new LinkedHashMap<>();
        final Map<String, Area> areas = new LinkedHashMap<>();
        private final DefinitionLimits limits;
        private final Optional<Period> defined;
        LocalDate start;
        LocalDate end;

        Needs(DefinitionLimits limits, Optional<Period> defined) {
            this.limits = limits;
            this.defined = defined;
        }

        void days(LocalDate first, LocalDate last) {
            LocalDate to = last == null || last.isBefore(first) ? first : last;
            LocalDate from = earliest(first, start == null ? defined.map(Period::start).orElse(null) : start);
            LocalDate until = latest(to, end == null ? defined.map(Period::end).orElse(null) : end);
            if (limits.admits(from, until)) {
                start = from;
                end = until;
            }
        }

        private static LocalDate earliest(LocalDate day, LocalDate other) {
            return other == null || day.isBefore(other) ? day : other;
        }

        private static LocalDate latest(LocalDate day, LocalDate other) {
            return other == null || day.isAfter(other) ? day : other;
        }

        void side(Side side) {
            sides.putIfAbsent(side.id(), side);
        }

        void areas(List<Area> chain) {
            chain.forEach(area -> areas.putIfAbsent(area.id(), area));
        }
    }

    /**
     * The areas a row names, each within the one before: the country, then the administrative
     * levels and the place, skipping an empty level or one that repeats a name above it. The place
     * gets the row's point.
     */
    static List<Area> chain(String country, List<String> levels, String place, String latitude, String longitude) {
        List<Area> chain = new ArrayList<>();
        String name = country == null ? "" : country.strip();
        Area at = new Area(id("", name.isEmpty() ? "unknown-country" : name),
                name.isEmpty() ? "Unknown country" : truncate(name, 500), null, null);
        chain.add(at);
        List<String> below = new ArrayList<>(levels);
        below.add(place);
        for (int i = 0; i < below.size(); i++) {
            String level = below.get(i) == null ? "" : below.get(i).strip();
            if (level.isEmpty() || chain.stream().anyMatch(a -> a.name().equalsIgnoreCase(level))) {
                continue;
            }
            JsonNode geometry = i == below.size() - 1 ? point(latitude, longitude) : null;
            at = new Area(id(at.id() + ".", level), truncate(level, 500), at.id(), geometry);
            chain.add(at);
        }
        return chain;
    }

    private static JsonNode point(String latitude, String longitude) {
        try {
            double lat = Double.parseDouble(latitude == null ? "" : latitude.strip());
            double lon = Double.parseDouble(longitude == null ? "" : longitude.strip());
            ObjectNode point = JsonNodeFactory.instance.objectNode().put("type", "Point");
            point.putArray("coordinates").add(lon).add(lat);
            return point;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A readable id from a name, after a prefix; a hash keeps long ones unique within 100 characters. */
    static String id(String prefix, String name) {
        String slug = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        String id = prefix + (slug.isEmpty() ? "x" + Integer.toHexString(name.hashCode()) : slug);
        if (id.length() <= MAX_ID) {
            return id;
        }
        return id.substring(0, MAX_ID - 9) + "-" + String.format("%08x", id.hashCode());
    }

    static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
