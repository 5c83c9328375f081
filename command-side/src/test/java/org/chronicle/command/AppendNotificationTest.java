package org.chronicle.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.chronicle.platform.eventstore.AppendListener;
import org.chronicle.platform.eventstore.AppendNotifier;
import org.chronicle.platform.testing.Http;
import org.chronicle.platform.testing.Rastan;
import org.chronicle.platform.testing.ServiceTest;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The query side is woken by a NOTIFY that the command side sends once an append has committed,
 * from its notifier's own connection, not from the appending transaction, which would hold
 * PostgreSQL's notify lock through its flush.
 */
@ServiceTest
class AppendNotificationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Value("${spring.datasource.url}")
    String url;

    @Test
    void aCommittedReportIsAnnouncedFromTheNotifiersConnection() throws Exception {
        Http http = Http.local(port).asAdmin();
        assertThat(http.put("/api/v1/chronicles/notify-2012", Rastan.CHRONICLE).status()).isIn(200, 201);
        try (Connection listening = DriverManager.getConnection(url)) {
            try (Statement statement = listening.createStatement()) {
                statement.execute("LISTEN " + AppendListener.CHANNEL);
            }
            PGConnection pg = listening.unwrap(PGConnection.class);
            pg.getNotifications(500);    // what the definition announced

            assertThat(http.post("/api/v1/chronicles/notify-2012/reports",
                    Rastan.casualties("r-announced", "2012-01-31", 4)).status()).isEqualTo(201);

            PGNotification[] heard = pg.getNotifications(10_000);
            assertThat(heard).as("a notification after the commit").isNotEmpty();
            assertThat(jdbc.queryForObject("SELECT application_name FROM pg_stat_activity WHERE pid = ?",
                    String.class, heard[0].getPID())).isEqualTo(AppendNotifier.APPLICATION_NAME);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM pg_trigger WHERE tgrelid = 'domain_event_entry'::regclass"
                    + " AND NOT tgisinternal", Integer.class)).as("no trigger notifies from the appends").isZero();
        }
    }
}
