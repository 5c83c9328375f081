package org.chronicle.command.imports;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.chronicle.api.Ids;
import org.chronicle.api.Recorded;
import org.chronicle.api.Refusal;
import org.chronicle.api.chronicle.ChronicleDefinition;
import org.chronicle.api.chronicle.DefineChronicle;
import org.chronicle.api.report.CorrectReport;
import org.chronicle.api.report.MarkDuplicate;
import org.chronicle.api.report.RecordReport;
import org.chronicle.api.report.ReinstateReport;
import org.chronicle.api.report.ReportContent;
import org.chronicle.api.report.ReportKey;
import org.chronicle.api.report.RetractReport;
import org.chronicle.api.report.SourceRef;
import org.chronicle.command.report.RecordingOutcome;
import org.chronicle.platform.eventstore.EventPositions;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Imports a chronicle file of our own format ({@code chronicle/1}): the definition, then every
 * event on every report in the order it was recorded. Each event goes through the same commands
 * and rules as the HTTP API, and is judged alone: a bad row is refused with its line and reason,
 * the others are recorded. A row already recorded by an earlier import of the same file is
 * unchanged, so importing a file twice records nothing the second time.
 */
@Component
class ChronicleFileImport {

    static final String FORMAT = "chronicle/1";

    private final EventPositions positions;
    private final ObjectMapper json;
    private final PlatformTransactionManager transactions;
    private final int batchSize;

    ChronicleFileImport(EventPositions positions, ObjectMapper json, PlatformTransactionManager transactions,
                        @Value("${chronicle.imports.batch-size:200}") int batchSize) {
        this.positions = positions;
        this.json = json;
        this.transactions = transactions;
        this.batchSize = batchSize;
    }

    /**
     * Reads the file, kept on disk, twice as a stream, so its size is bounded by the disk, not by
     * memory: first whole, to refuse a file that cannot be read before anything is stored and to
     * count its rows, then row by row.
     */
    ImportResult run(ImportCommands commands, String chronicleId, Path file, ImportProgress progress) {
        try {
            try (InputStream in = Files.newInputStream(file)) {
                progress.total(readable(in));
            }
            try (InputStream in = Files.newInputStream(file)) {
                return run(commands, chronicleId, in, Instant.now(), progress);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The whole file parses as JSON: a syntax error anywhere is a 400 before any row is stored.
     * Answers the number of rows in its events.
     */
    /** A limit the parser keeps (nesting, length) has no location: it is told without one. */
    private static Refusal.Invalid unreadable(JsonProcessingException e) {
        String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
        return new Refusal.Invalid("body", "the file is not readable JSON" + where + ": " + e.getOriginalMessage());
    }

    private long readable(InputStream in) {
        long rows = 0;
        try (JsonParser parser = json.createParser(in)) {
            while (parser.nextToken() != null) {
                if (parser.currentToken() == JsonToken.START_OBJECT && parser.getParsingContext().getParent() != null
                        && parser.getParsingContext().getParent().inArray()
                        && "events".equals(parser.getParsingContext().getParent().getParent() == null ? null
                        : parser.getParsingContext().getParent().getParent().getCurrentName())) {
                    rows++;
                }
            }
            return rows;
        } catch (JsonProcessingException e) {
            throw unreadable(e);
        } catch (IOException e) {
            throw new Refusal.Invalid("body", "the file could not be read: " + e.getMessage());
        }
    }

    private ImportResult run(ImportCommands commands, String chronicleId, InputStream file, Instant started,
                             ImportProgress progress) {
        Rows rows = new Rows(commands, chronicleId, started, progress);
        try (JsonParser parser = json.createParser(file)) {
            read(commands, chronicleId, parser, rows);
        } catch (JsonProcessingException e) {
            rows.abandon();
            throw unreadable(e);
        } catch (IOException e) {
            rows.abandon();
            throw new Refusal.Invalid("body", "the file could not be read: " + e.getMessage());
        } catch (RuntimeException e) {
            rows.abandon();
            throw e;
        }
        return rows.result();
    }

    /** The file's fields in order; the rows go to {@code rows}, which commits the last batch. */
    private void read(ImportCommands commands, String chronicleId, JsonParser parser, Rows rows)
            throws IOException {
        expect(parser.nextToken() == JsonToken.START_OBJECT, "the file must be one JSON object");
        boolean defined = false;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            switch (field) {
                case "format" -> expect(FORMAT.equals(parser.getValueAsString()),
                        "format must be '" + FORMAT + "'");
                case "chronicleId" -> parser.skipChildren(); // the path's id wins
                case "definition" -> {
                    commands.sendOrRefuse(new DefineChronicle(chronicleId,
                            json.readValue(parser, ChronicleDefinition.class)));
                    defined = true;
                }
                case "events" -> {
                    expect(parser.currentToken() == JsonToken.START_ARRAY, "events must be an array");
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        int line = parser.currentLocation().getLineNr();
                        rows.take(line, json.readTree(parser), defined);
                    }
                }
                default -> throw new Refusal.Invalid(field, "is not a field of a chronicle file");
            }
        }
        rows.commit();
    }

    private static void expect(boolean holds, String message) {
        if (!holds) {
            throw new Refusal.Invalid("body", message);
        }
    }

    /** The rows of one import, and the place of each in its report's history. */
    private final class Rows {

        private final ImportCommands commands;
        private final String chronicleId;
        private final Instant started;
        private final ImportRows tally;
        private final ImportBatch batch;
        /** How many events of each report the file has shown so far: the ordinal of the next one. */
        private final Map<String, Integer> seen = new HashMap<>();

        Rows(ImportCommands commands, String chronicleId, Instant started, ImportProgress progress) {
            this.commands = commands;
            this.chronicleId = chronicleId;
            this.started = started;
            this.tally = new ImportRows(commands.importId(), chronicleId, progress);
            this.batch = new ImportBatch(tally, transactions, batchSize);
        }

        /** A row may run twice (its batch failed to commit), so what it runs depends on nothing it changes. */
        void take(int line, JsonNode row, boolean defined) {
            String reportId = row.path("reportId").asText(null);
            int ordinal = defined && Ids.isValid(reportId) ? seen.merge(reportId, 1, Integer::sum) : 0;
            batch.take(line, reportId, () -> {
                if (!defined) {
                    throw new Refusal.Invalid("definition", "must come before the events");
                }
                if (!Ids.isValid(reportId)) {
                    throw new Refusal.Invalid("reportId", Ids.RULE);
                }
                try {
                    return record(new ReportKey(chronicleId, reportId), ordinal, ((ObjectNode) row).deepCopy());
                } catch (JsonProcessingException | IllegalArgumentException e) {
                    throw new Refusal.Invalid("body", readable(e));
                }
            });
        }

        void commit() {
            batch.commit();
        }

        void abandon() {
            batch.abandon();
        }

        /** Sends the row's command; true when it appended an event, false when it was there already. */
        private boolean record(ReportKey key, int ordinal, ObjectNode row) throws JsonProcessingException {
            String kind = row.path("kind").asText("");
            row.remove(List.of("kind", "reportId", "recordedAt", "recordedBy"));
            if (kind.equals("RECORDED")) {
                ReportContent report = json.treeToValue(require(row, "report"), ReportContent.class);
                expectOnly(row, "report");
                return commands.send(new RecordReport(key, report)) == RecordingOutcome.RECORDED;
            }
            Object command = switch (kind) {
                case "CORRECTED" -> json.treeToValue(row, Correction.class).command(key);
                case "RETRACTED" -> new RetractReport(key, json.treeToValue(row, Reasoned.class).reason(), null);
                case "REINSTATED" -> new ReinstateReport(key, json.treeToValue(row, Reasoned.class).reason(), null);
                case "MARKED_DUPLICATE" -> json.treeToValue(row, Duplicate.class).command(key);
                default -> throw new Refusal.Invalid("kind",
                        "must be RECORDED, CORRECTED, RETRACTED, REINSTATED or MARKED_DUPLICATE");
            };
            // The row's place in the report's history is its idempotency key: a second import of
            // the file answers the version the first one made, and appends nothing.
            long version = commands.<Long>send(command, Map.of(
                    Recorded.IDEMPOTENCY_KEY, "import:" + kind + ":" + ordinal,
                    Recorded.REQUEST_DIGEST, digest(row)));
            return positions.find(key.toString(), version - 1)
                    .map(event -> !event.recordedAt().isBefore(started))
                    .orElse(true);
        }

        private JsonNode require(ObjectNode row, String field) {
            JsonNode value = row.get(field);
            if (value == null || value.isNull()) {
                throw new Refusal.Invalid(field, "is required");
            }
            return value;
        }

        private void expectOnly(ObjectNode row, String field) {
            row.fieldNames().forEachRemaining(name -> {
                if (!name.equals(field)) {
                    throw new Refusal.Invalid(name, "is not a field of a RECORDED row");
                }
            });
        }

        /** The row as read, hashed: the same key with another row is a conflict, not a repeat. */
        private static String digest(JsonNode row) {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(row.toString().getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        ImportResult result() {
            return tally.result(positions.head());
        }
    }

    private static String readable(Exception e) {
        return e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
    }

    /** A CORRECTED row: the whole corrected report, why, and the sources that justify it. */
    private record Correction(String reason, List<SourceRef> sources, ReportContent report) {
        CorrectReport command(ReportKey key) {
            return new CorrectReport(key, report, reason, sources, null);
        }
    }

    /** A RETRACTED or REINSTATED row. */
    private record Reasoned(String reason) {
    }

    /** A MARKED_DUPLICATE row. */
    private record Duplicate(String duplicateOf, String reason) {
        MarkDuplicate command(ReportKey key) {
            return new MarkDuplicate(key, duplicateOf, reason, null);
        }
    }
}
