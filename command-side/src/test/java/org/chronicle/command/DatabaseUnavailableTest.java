package org.chronicle.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.chronicle.platform.testing.Http.Answer;
import org.chronicle.platform.testing.Accounts;
import org.chronicle.platform.testing.Http;
import org.chronicle.platform.testing.Rastan;
import org.chronicle.platform.testing.ServiceTest;
import org.chronicle.platform.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
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
    @Autowired
    DataSource dataSource;

    /**
     * The pool still holds connections the test ended behind its back; a pool hands out a
     * connection used within the last half second without checking it, so on a fast machine
     * the next test would meet them. A real outage lasts longer than that.
     */
    @AfterEach
    void reopen() throws Exception {
        admin("ALTER DATABASE " + name(url) + " ALLOW_CONNECTIONS true");
        dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean().softEvictConnections();
    }

    @Test
    void aWriteAnswers503WithRetryAfterAndRecoversWhenTheDatabaseReturns() throws Exception {
        Http http = Http.local(port).asAdmin();
        http.put("/api/v1/chronicles/rastan-2012", Rastan.CHRONICLE);
        assertThat(http.post("/api/v1/chronicles/rastan-2012/reports",
                Rastan.casualties("r-before", "2012-01-31", 1)).status()).isEqualTo(201);

        cutTheDatabase();

        Answer down = http.post("/api/v1/chronicles/rastan-2012/reports", Rastan.casualties("r-during", "2012-01-31", 1));
        assertThat(down.status()).as(down.body()).isEqualTo(503);
        assertThat(down.isProblem()).isTrue();
        assertThat(down.retryAfter()).isNotBlank();
        assertThat(down.body()).doesNotContain("Exception").doesNotContain("SQL").doesNotContain("at org.");
        // A commit can land while its answer is lost: the client is told to send it again, not that nothing was stored.
        assertThat(down.json().path("detail").asText()).as(down.body())
                .contains("may or may not have been stored").contains("same id").doesNotContain("nothing was stored");

        admin("ALTER DATABASE " + name(url) + " ALLOW_CONNECTIONS true");
        Answer back = writeAsAClientThatHonoursRetryAfter(http, Rastan.casualties("r-after", "2012-01-31", 1));
        assertThat(back.status()).as(back.body()).isEqualTo(201);
    }

    /**
     * Right after the database returns, the pool may still hand out a connection that died in
     * the outage: that request gets its 503 (nothing stored) and the client's retry succeeds.
     */
    private static Answer writeAsAClientThatHonoursRetryAfter(Http http, String report) throws Exception {
        Answer answer = http.post("/api/v1/chronicles/rastan-2012/reports", report);
        for (int retry = 0; retry < 10 && answer.status() == 503; retry++) {
            assertThat(answer.retryAfter()).isNotBlank();
            Thread.sleep(200);
            answer = http.post("/api/v1/chronicles/rastan-2012/reports", report);
        }
        return answer;
    }

    /**
     * Credentials this process has not checked before cannot be checked while the database is
     * away: that is a 503 to try again, not a 401 that tells a client its password is wrong.
     */
    @Test
    void credentialsThatCannotBeCheckedAnswer503NotAWrongPassword() throws Exception {
        Http anonymous = Http.local(port);
        assertThat(anonymous.asAdmin().post("/api/v1/admin/accounts",
                "{\"username\": \"unchecked\", \"password\": \"an-unchecked-secret\", \"roles\": [\"EDITOR\"]}")
                .status()).isEqualTo(201);
        String csrf = cookie(anonymous.get("/api/v1/session"), "XSRF-TOKEN");

        cutTheDatabase();

        Answer basic = anonymous.as("unchecked", "an-unchecked-secret").post("/api/v1/chronicles/rastan-2012/reports",
                Rastan.casualties("r-unchecked", "2012-01-31", 1));
        assertThat(basic.status()).as(basic.body()).isEqualTo(503);
        assertThat(basic.isProblem()).isTrue();
        assertThat(basic.retryAfter()).isNotBlank();
        assertThat(basic.header("WWW-Authenticate")).as("no prompt for other credentials").isNull();

        Answer signIn = anonymous.with("Cookie", "XSRF-TOKEN=" + csrf)
                .with("X-XSRF-TOKEN", URLDecoder.decode(csrf, StandardCharsets.UTF_8))
                .post("/api/v1/session", "{\"username\": \"unchecked\", \"password\": \"an-unchecked-secret\"}");
        assertThat(signIn.status()).as(signIn.body()).isEqualTo(503);
        assertThat(signIn.isProblem()).isTrue();
        assertThat(signIn.retryAfter()).isNotBlank();
    }

    /** A page signed in before the outage: its session cannot be read, which is a 503 too. */
    @Test
    void aSignedInPageDuringTheOutageIsToldToWait() throws Exception {
        Http anonymous = Http.local(port);
        String csrf = cookie(anonymous.get("/api/v1/session"), "XSRF-TOKEN");
        Answer signedIn = anonymous.with("Cookie", "XSRF-TOKEN=" + csrf)
                .with("X-XSRF-TOKEN", URLDecoder.decode(csrf, StandardCharsets.UTF_8))
                .post("/api/v1/session", "{\"username\": \"admin\", \"password\": \"" + Accounts.ADMIN_PASSWORD + "\"}");
        assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(200);
        String session = cookie(signedIn, "SESSION");

        cutTheDatabase();

        Answer during = anonymous.with("Cookie", "SESSION=" + session).get("/api/v1/session");
        assertThat(during.status()).as(during.body()).isEqualTo(503);
        assertThat(during.isProblem()).isTrue();
        assertThat(during.retryAfter()).isNotBlank();
    }

    /** The database refuses new connections and ends the open ones, as a server going down does. */
    private void cutTheDatabase() throws Exception {
        String name = name(url);
        admin("ALTER DATABASE " + name + " ALLOW_CONNECTIONS false");
        admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name + "'");
    }

    private static String cookie(Answer answer, String name) {
        return answer.headers().entrySet().stream()
                .filter(header -> header.getKey().equalsIgnoreCase("Set-Cookie"))
                .flatMap(header -> header.getValue().stream())
                .filter(value -> value.startsWith(name + "="))
                .map(value -> value.substring(name.length() + 1).split(";", 2)[0])
                .findFirst()
                .orElseThrow(() -> new AssertionError("No " + name + " cookie in " + answer.headers()));
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
