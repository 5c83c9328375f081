package org.chronicle.query.chronicle;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.chronicle.api.chronicle.ChronicleDefinition;
import org.chronicle.platform.eventstore.StoredJson;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The chronicles the read side has seen, with their current definitions. */
@Component
public class ChronicleDirectory {

    private final JdbcTemplate jdbc;
    private final StoredJson json;

    ChronicleDirectory(JdbcTemplate jdbc, StoredJson json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Optional<ChronicleDefinition> find(String chronicleId) {
        return jdbc.query("SELECT definition FROM chronicle_directory WHERE chronicle_id = ?",
                (rs, n) -> json.read(rs.getString(1), ChronicleDefinition.class), chronicleId).stream().findFirst();
    }

    public List<String> ids() {
        return jdbc.queryForList("SELECT chronicle_id FROM chronicle_directory ORDER BY chronicle_id", String.class);
    }

    void put(String chronicleId, ChronicleDefinition definition, long version, Instant at) {
        String text = json.write(definition);
        int updated = jdbc.update("""
                        UPDATE chronicle_directory SET definition = ?, version = ?, amended_at = ?
                        WHERE chronicle_id = ? AND version < ?""",
                text, version, Timestamp.from(at), chronicleId, version);
        if (updated == 0 && find(chronicleId).isEmpty()) {
            jdbc.update("INSERT INTO chronicle_directory (chronicle_id, definition, version, amended_at) VALUES (?, ?, ?, ?)",
                    chronicleId, text, version, Timestamp.from(at));
        }
    }

    void clear() {
        jdbc.update("DELETE FROM chronicle_directory");
    }


}
