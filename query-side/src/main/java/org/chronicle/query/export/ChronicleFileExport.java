package org.chronicle.query.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.chronicle.api.Recorded;
import org.chronicle.api.chronicle.ChronicleAmended;
import org.chronicle.api.chronicle.ChronicleDefined;
import org.chronicle.api.chronicle.ChronicleDefinition;
import org.chronicle.api.report.ReportCorrected;
import org.chronicle.api.report.ReportMarkedDuplicate;
import org.chronicle.api.report.ReportRecorded;
import org.chronicle.api.report.ReportReinstated;
import org.chronicle.api.report.ReportRetracted;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes a chronicle's whole history in our own import format ({@code chronicle/1}): its
 * definition, then every event on every report in the order it was recorded, each with its
 * recorded instant and author. Read from the event store itself, never from a projection, so an
 * export holds everything that was acknowledged.
 */
@Component
class ChronicleFileExport {

    static final String FORMAT = "chronicle/1";

    private final EventStore events;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    ChronicleFileExport(EventStore events, JdbcTemplate jdbc, ObjectMapper json) {
        this.events = events;
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The chronicle's definition as its own stream last recorded it; empty when it was never defined. */
    Optional<ChronicleDefinition> definition(String chronicleId) {
        ChronicleDefinition definition = null;
        Iterator<? extends DomainEventMessage<?>> stream = events.readEvents(chronicleId).asStream().iterator();
        while (stream.hasNext()) {
            Object payload = stream.next().getPayload();
            if (payload instanceof ChronicleDefined defined) {
                definition = defined.definition();
            } else if (payload instanceof ChronicleAmended amended) {
                definition = amended.definition();
            }
        }
        return Optional.ofNullable(definition);
    }

    void write(String chronicleId, ChronicleDefinition definition, OutputStream out) throws IOException {
        try (JsonGenerator file = json.getFactory().createGenerator(out)) {
            file.useDefaultPrettyPrinter();
            file.writeStartObject();
            file.writeStringField("format", FORMAT);
            file.writeStringField("chronicleId", chronicleId);
            file.writeObjectField("definition", definition);
            file.writeArrayFieldStart("events");
            for (Map<String, Object> row : rows(chronicleId)) {
                file.writeObject(row);
            }
            file.writeEndArray();
            file.writeEndObject();
        }
    }

    /**
     * The events of the chronicle's reports in recorded order: the store's global order gives the
     * sequence, each report's own stream (upcast to the current shapes) the events.
     */
    private Iterable<Map<String, Object>> rows(String chronicleId) {
        List<String> order = jdbc.queryForList("""
                        SELECT aggregate_identifier FROM domain_event_entry WHERE aggregate_identifier LIKE ? ESCAPE '!'
                        ORDER BY global_index""",
                String.class, chronicleId.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "/%");
        Map<String, ArrayDeque<DomainEventMessage<?>>> streams = new HashMap<>();
        return () -> order.stream().map(aggregate -> {
            ArrayDeque<DomainEventMessage<?>> stream = streams.computeIfAbsent(aggregate,
                    id -> new ArrayDeque<>(events.readEvents(id).asStream().toList()));
            DomainEventMessage<?> event = stream.poll();
            if (stream.isEmpty()) {
                streams.remove(aggregate);
            }
            return row(event);
        }).iterator();
    }

    private static Map<String, Object> row(DomainEventMessage<?> event) {
        Map<String, Object> row = new LinkedHashMap<>();
        Object payload = event.getPayload();
        if (payload instanceof ReportRecorded recorded) {
            head(row, "RECORDED", recorded.reportId(), event);
            row.put("report", recorded.report());
        } else if (payload instanceof ReportCorrected corrected) {
            head(row, "CORRECTED", corrected.reportId(), event);
            row.put("reason", corrected.reason());
            row.put("sources", corrected.sources());
            row.put("report", corrected.report());
        } else if (payload instanceof ReportRetracted retracted) {
            head(row, "RETRACTED", retracted.reportId(), event);
            row.put("reason", retracted.reason());
        } else if (payload instanceof ReportReinstated reinstated) {
            head(row, "REINSTATED", reinstated.reportId(), event);
            row.put("reason", reinstated.reason());
        } else if (payload instanceof ReportMarkedDuplicate duplicate) {
            head(row, "MARKED_DUPLICATE", duplicate.reportId(), event);
            row.put("duplicateOf", duplicate.duplicateOf());
            row.put("reason", duplicate.reason());
        } else {
            throw new IllegalStateException("An event of an unknown kind on a report: " + event.getPayloadType());
        }
        return row;
    }

    private static void head(Map<String, Object> row, String kind, String reportId, DomainEventMessage<?> event) {
        row.put("kind", kind);
        row.put("reportId", reportId);
        row.put("recordedAt", event.getTimestamp().toString());
        Object by = event.getMetaData().get(Recorded.BY);
        if (by != null) {
            row.put("recordedBy", by.toString());
        }
    }
}
