package org.chronicle.command.chronicle;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Collection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.chronicle.api.Period;
import org.chronicle.api.chronicle.ChronicleDefinition;
import org.chronicle.platform.eventstore.StoredJson;
import org.chronicle.platform.eventstore.TransactionResources;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** {@link ChronicleCatalog} in small tables beside the event store. */
@Component
class JdbcChronicleCatalog implements ChronicleCatalog {

    static final String AREA = "AREA";
    static final String SIDE = "SIDE";

    /** The key of the definitions checked in a transaction, among its resources. */
    private final Object transactionKey = new Object();

    private final JdbcTemplate jdbc;
    private final StoredJson json;
    /**
     * Definitions already read, by chronicle, with the version they are. A chronicle of a whole
     * war has thousands of areas: reading its definition for every report would cost more than
     * the report. The version is still asked each time, since another process may amend it.
     */
    private final Map<String, Versioned> read = new ConcurrentHashMap<>();

    JdbcChronicleCatalog(JdbcTemplate jdbc, StoredJson json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public Optional<ChronicleDefinition> definition(String chronicleId) {
        Map<String, Optional<ChronicleDefinition>> checked = checkedInTransaction();
        if (checked == null) {
            return current(chronicleId);
        }
        return checked.computeIfAbsent(chronicleId, this::current);
    }

    /**
     * The definitions already checked in the current transaction, when one is open: an import
     * runs hundreds of commands in one, and each would ask for the version again. A definition
     * written in the transaction is forgotten there ({@link #define}).
     */
    private Map<String, Optional<ChronicleDefinition>> checkedInTransaction() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        return TransactionResources.inCurrentTransaction(transactionKey, HashMap::new);
    }

    private Optional<ChronicleDefinition> current(String chronicleId) {
        Optional<Long> version = jdbc.queryForList("SELECT version FROM chronicle_catalog WHERE chronicle_id = ?",
                Long.class, chronicleId).stream().findFirst();
        if (version.isEmpty()) {
            return Optional.empty();
        }
        Versioned known = read.get(chronicleId);
        if (known != null && known.version() == version.get()) {
            return Optional.of(known.definition());
        }
        return jdbc.query("SELECT definition, version FROM chronicle_catalog WHERE chronicle_id = ?",
                (rs, n) -> {
                    ChronicleDefinition definition = json.read(rs.getString(1), ChronicleDefinition.class);
                    read.put(chronicleId, new Versioned(rs.getLong(2), definition));
                    return definition;
                }, chronicleId).stream().findFirst();
    }

    private record Versioned(long version, ChronicleDefinition definition) {
    }

    @Override
    public Usage usage(String chronicleId) {
        Optional<Period> days = jdbc.query("""
                        SELECT MIN(first_day), MAX(last_day) FROM report_register WHERE chronicle_id = ?""",
                (rs, n) -> rs.getDate(1) == null ? null
                        : new Period(rs.getDate(1).toLocalDate(), rs.getDate(2).toLocalDate()),
                chronicleId).stream().filter(p -> p != null).findFirst();
        return new Usage(new HashSet<>(refs(chronicleId, AREA)), new HashSet<>(refs(chronicleId, SIDE)), days);
    }

    @Override
    public Optional<RegisteredReport> report(String chronicleId, String reportId) {
        return jdbc.query("SELECT duplicate_of FROM report_register WHERE chronicle_id = ? AND report_id = ?",
                (rs, n) -> new RegisteredReport(reportId, Optional.ofNullable(rs.getString(1))),
                chronicleId, reportId).stream().findFirst();
    }

    void define(String chronicleId, ChronicleDefinition definition, long version) {
        Map<String, Optional<ChronicleDefinition>> checked = checkedInTransaction();
        if (checked != null) {
            checked.remove(chronicleId);
        }
        String text = json.write(definition);
        int updated = jdbc.update("UPDATE chronicle_catalog SET definition = ?, version = ? WHERE chronicle_id = ?",
                text, version, chronicleId);
        if (updated == 0) {
            jdbc.update("INSERT INTO chronicle_catalog (chronicle_id, definition, version) VALUES (?, ?, ?)",
                    chronicleId, text, version);
        }
    }

    /** Registers a new report. Each statement here is a round trip on the path of every write. */
    void register(String chronicleId, String reportId, References references) {
        jdbc.update("INSERT INTO report_register (chronicle_id, report_id, first_day, last_day) VALUES (?, ?, ?, ?)",
                chronicleId, reportId, Date.valueOf(references.firstDay()), Date.valueOf(references.lastDay()));
        insertRefs(chronicleId, reportId, references);
    }

    /** Moves a corrected report: a correction may change its area, sides and days. */
    void move(String chronicleId, String reportId, References references) {
        jdbc.update("UPDATE report_register SET first_day = ?, last_day = ? WHERE chronicle_id = ? AND report_id = ?",
                Date.valueOf(references.firstDay()), Date.valueOf(references.lastDay()), chronicleId, reportId);
        jdbc.update("DELETE FROM chronicle_reference WHERE chronicle_id = ? AND report_id = ?", chronicleId, reportId);
        insertRefs(chronicleId, reportId, references);
    }

    void markDuplicate(String chronicleId, String reportId, String duplicateOf) {
        jdbc.update("UPDATE report_register SET duplicate_of = ? WHERE chronicle_id = ? AND report_id = ?",
                duplicateOf, chronicleId, reportId);
    }

    private void insertRefs(String chronicleId, String reportId, References references) {
        List<Object[]> rows = new ArrayList<>();
        references.areas().stream().distinct().forEach(area -> rows.add(new Object[] {chronicleId, reportId, AREA, area}));
        references.sides().stream().distinct().forEach(side -> rows.add(new Object[] {chronicleId, reportId, SIDE, side}));
        jdbc.batchUpdate("INSERT INTO chronicle_reference (chronicle_id, report_id, kind, ref) VALUES (?, ?, ?, ?)", rows);
    }

    /** What one version of a report refers to. */
    record References(Collection<String> areas, Collection<String> sides, LocalDate firstDay, LocalDate lastDay) {
    }

    private List<String> refs(String chronicleId, String kind) {
        return jdbc.queryForList("SELECT DISTINCT ref FROM chronicle_reference WHERE chronicle_id = ? AND kind = ?",
                String.class, chronicleId, kind);
    }


}
