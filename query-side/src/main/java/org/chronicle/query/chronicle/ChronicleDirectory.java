package org.chronicle.query.chronicle;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.chronicle.api.chronicle.ChronicleDefinition;
import org.chronicle.platform.eventstore.StoredJson;
import org.chronicle.query.AsOf;
import org.chronicle.query.Projections;
import org.chronicle.query.projection.ProjectionSets;
import org.chronicle.query.projection.TableSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The chronicles the read side has seen, with their definitions now and as they were. */
@Component
public class ChronicleDirectory {

    private final JdbcTemplate jdbc;
    private final StoredJson json;
    private final ProjectionSets sets;

    ChronicleDirectory(JdbcTemplate jdbc, StoredJson json, ProjectionSets sets) {
        this.jdbc = jdbc;
        this.json = json;
        this.sets = sets;
    }

    public Optional<ChronicleDefinition> find(String chronicleId) {
        return find(sets.active(Projections.CHRONICLES), chronicleId);
    }

    /**
     * The definition as it stood at the moment asked for: the latest version recorded by
     * {@code asKnownAt}, or none when the chronicle was not yet defined then. Definitions have no
     * publication day, so {@code asReportedBy} does not change them.
     */
    public Optional<ChronicleDefinition> find(String chronicleId, AsOf asOf) {
        if (asOf.knownAt() == null) {
            return find(chronicleId);
        }
        return jdbc.query(sets.active(Projections.CHRONICLES).sql("""
                        SELECT definition FROM {chronicle_version} WHERE chronicle_id = ? AND recorded_at <= ?
                        ORDER BY version DESC FETCH FIRST 1 ROWS ONLY"""),
                (rs, n) -> json.read(rs.getString(1), ChronicleDefinition.class),
                chronicleId, Timestamp.from(asOf.knownAt())).stream().findFirst();
    }

    public List<String> ids() {
        return jdbc.queryForList(sets.active(Projections.CHRONICLES)
                .sql("SELECT chronicle_id FROM {chronicle_directory} ORDER BY chronicle_id"), String.class);
    }

    private Optional<ChronicleDefinition> find(TableSet set, String chronicleId) {
        return jdbc.query(set.sql("SELECT definition FROM {chronicle_directory} WHERE chronicle_id = ?"),
                (rs, n) -> json.read(rs.getString(1), ChronicleDefinition.class), chronicleId).stream().findFirst();
    }

    /** Writes the definitions into one table set. */
    static final class Rows {

        private final ChronicleDirectory directory;
        private final TableSet set;

        Rows(ChronicleDirectory directory, TableSet set) {
            this.directory = directory;
            this.set = set;
        }

        void put(String chronicleId, ChronicleDefinition definition, long version, Instant at) {
            String text = directory.json.write(definition);
            update("DELETE FROM {chronicle_version} WHERE chronicle_id = ? AND version = ?", chronicleId, version);
            update("INSERT INTO {chronicle_version} (chronicle_id, version, definition, recorded_at) VALUES (?, ?, ?, ?)",
                    chronicleId, version, text, Timestamp.from(at));
            int updated = update("""
                            UPDATE {chronicle_directory} SET definition = ?, version = ?, amended_at = ?
                            WHERE chronicle_id = ? AND version < ?""",
                    text, version, Timestamp.from(at), chronicleId, version);
            if (updated == 0 && directory.find(set, chronicleId).isEmpty()) {
                update("""
                                INSERT INTO {chronicle_directory} (chronicle_id, definition, version, amended_at)
                                VALUES (?, ?, ?, ?)""",
                        chronicleId, text, version, Timestamp.from(at));
            }
        }

        private int update(String sql, Object... args) {
            return directory.jdbc.update(set.sql(sql), args);
        }
    }
}
