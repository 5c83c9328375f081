package org.chronicle.command.chronicle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.chronicle.api.Period;
import org.chronicle.api.chronicle.ChronicleDefinition;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** {@link ChronicleCatalog} in two small tables beside the event store. */
@Component
class JdbcChronicleCatalog implements ChronicleCatalog {

    static final String AREA = "AREA";
    static final String SIDE = "SIDE";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    JdbcChronicleCatalog(JdbcTemplate jdbc, @Qualifier("defaultAxonObjectMapper") ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public Optional<ChronicleDefinition> definition(String chronicleId) {
        return jdbc.query("SELECT definition FROM chronicle_catalog WHERE chronicle_id = ?",
                (rs, n) -> read(rs.getString(1)), chronicleId).stream().findFirst();
    }

    @Override
    public Usage usage(String chronicleId) {
        Set<String> areas = new HashSet<>(refs(chronicleId, AREA));
        Set<String> sides = new HashSet<>(refs(chronicleId, SIDE));
        Optional<Period> days = jdbc.query("""
                        SELECT MIN(first_day), MAX(last_day) FROM chronicle_report_days WHERE chronicle_id = ?""",
                (rs, n) -> rs.getDate(1) == null ? null
                        : new Period(rs.getDate(1).toLocalDate(), rs.getDate(2).toLocalDate()),
                chronicleId).stream().filter(p -> p != null).findFirst();
        return new Usage(areas, sides, days);
    }

    void define(String chronicleId, ChronicleDefinition definition, long version) {
        int updated = jdbc.update("UPDATE chronicle_catalog SET definition = ?, version = ? WHERE chronicle_id = ?",
                write(definition), version, chronicleId);
        if (updated == 0) {
            jdbc.update("INSERT INTO chronicle_catalog (chronicle_id, definition, version) VALUES (?, ?, ?)",
                    chronicleId, write(definition), version);
        }
    }

    /** Replaces what one report refers to: a correction may move it to another area or day. */
    void refer(String chronicleId, String reportId, Collection<String> areas, Collection<String> sides,
               LocalDate firstDay, LocalDate lastDay) {
        jdbc.update("DELETE FROM chronicle_reference WHERE chronicle_id = ? AND report_id = ?", chronicleId, reportId);
        jdbc.update("DELETE FROM chronicle_report_days WHERE chronicle_id = ? AND report_id = ?", chronicleId, reportId);
        insertRefs(chronicleId, reportId, AREA, areas);
        insertRefs(chronicleId, reportId, SIDE, sides);
        jdbc.update("INSERT INTO chronicle_report_days (chronicle_id, report_id, first_day, last_day) VALUES (?, ?, ?, ?)",
                chronicleId, reportId, Date.valueOf(firstDay), Date.valueOf(lastDay));
    }

    private void insertRefs(String chronicleId, String reportId, String kind, Collection<String> refs) {
        jdbc.batchUpdate("INSERT INTO chronicle_reference (chronicle_id, report_id, kind, ref) VALUES (?, ?, ?, ?)",
                refs.stream().distinct().map(ref -> new Object[] {chronicleId, reportId, kind, ref}).toList());
    }

    private java.util.List<String> refs(String chronicleId, String kind) {
        return jdbc.queryForList("SELECT DISTINCT ref FROM chronicle_reference WHERE chronicle_id = ? AND kind = ?",
                String.class, chronicleId, kind);
    }

    private ChronicleDefinition read(String text) {
        try {
            return json.readValue(text, ChronicleDefinition.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable chronicle definition in the catalog", e);
        }
    }

    private String write(ChronicleDefinition definition) {
        try {
            return json.writeValueAsString(definition);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
