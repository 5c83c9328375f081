package org.chronicle.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chronicle.platform.testing.Http.Answer;
import org.chronicle.platform.testing.Http;
import org.chronicle.platform.testing.Rastan;
import org.chronicle.platform.testing.ServiceTest;
import org.chronicle.platform.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The service's own database refuses connections (and its open ones are cut), as when the
 * server restarts. A write answers 503 problem+json with Retry-After, no stack trace, and the
 * service writes again once the database is back. Only this test's database is touched.
 */
@ServiceTest
@TestPropertySource(properties = "spring.datasource.hikari.connection-timeout=1000")
class DatabaseUnavailableTest {



    @LocalServerPort
    int port;
    @Value("${spring.datasource.url}")
    String url;

    @AfterEach
    void reopen() throws Exception {
        admin("ALTER DATABASE " + name(url) + " ALLOW_CONNECTIONS true");
    }

    @Test
    void aWriteAnswers503WithRetryAfterAndRecoversWhenTheDatabaseReturns() throws Exception {
        Http http = Http.local(port).asAdmin();
        http.put("/api/v1/chronicles/rastan-2012", Rastan.CHRONICLE);
        assertThat(http.post("/api/v1/chronicles/rastan-2012/reports",
                Rastan.casualties("r-before", "2012-01-31", 1)).status()).isEqualTo(201);

        String name = name(url);
        admin("ALTER DATABASE " + name + " ALLOW_CONNECTIONS false");
        admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name + "'");

        Answer down = http.post("/api/v1/chronicles/rastan-2012/reports", Rastan.casualties("r-during", "2012-01-31", 1));
        assertThat(down.status()).as(down.body()).isEqualTo(503);
        assertThat(down.isProblem()).isTrue();
        assertThat(down.retryAfter()).isNotBlank();
        assertThat(down.body()).doesNotContain("Exception").doesNotContain("SQL").doesNotContain("at org.");

        admin("ALTER DATABASE " + name + " ALLOW_CONNECTIONS true");
        Answer back = http.post("/api/v1/chronicles/rastan-2012/reports", Rastan.casualties("r-after", "2012-01-31", 1));
        assertThat(back.status()).as(back.body()).isEqualTo(201);
    }

    private static void admin(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(TestDatabase.server()); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String name(String url) {
        Matcher m = Pattern.compile("jdbc:postgresql://[^/]+/([^?]+).*").matcher(url);
        if (!m.matches()) {
            throw new IllegalStateException(url);
        }
        return m.group(1);
    }
}
