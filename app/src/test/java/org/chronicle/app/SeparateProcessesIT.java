package org.chronicle.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.chronicle.platform.testing.Accounts;
import org.chronicle.platform.testing.Browser;
import org.chronicle.platform.testing.Http;
import org.chronicle.platform.testing.Rastan;
import org.chronicle.platform.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The production shape without containers: command side and query side as two processes on one PostgreSQL. */
class SeparateProcessesIT {

    @TempDir
    Path work;

    @Test
    void aReportPostedToTheCommandSideIsAnsweredByTheQuerySide() {
        Map<String, String> env = Accounts.environment(TestDatabase.create(SeparateProcessesIT.class));
        try (ServiceProcess command = ServiceProcess.start(ServiceProcess.jarOf("command-side"), work, env);
             ServiceProcess query = ServiceProcess.start(ServiceProcess.jarOf("query-side"), work, env)) {
            Slice.record(command.http.asAdmin());
            Slice.answered(query.http);

            String corrected = Rastan.casualties("x", "2012-01-31", 12).replace("\"reportId\": \"x\", ", "");
            assertThat(command.http.asAdmin().post(Slice.CHRONICLE + "/reports/r-0131-building/corrections",
                    "{\"reason\": \"revised\", \"report\": " + corrected + "}").status()).isEqualTo(201);
            assertThat(query.http.get(Slice.CHRONICLE + "/reports/r-0131-building").json()
                    .path("version").asLong()).as("the history reads the stream: no projection lag").isEqualTo(2);

            assertThat(command.http.get(Slice.DAY).status()).as("the command side serves no reads").isEqualTo(404);
            assertThat(query.http.asAdmin().post(Slice.CHRONICLE + "/reports",
                    Rastan.casualties("r-x", "2012-01-31", 1)).status())
                    .as("the query side takes no writes").isIn(404, 405);

            aPageSessionFollowsItsAccountOnTheOtherSide(command, query);
        }
    }

    /**
     * A page signed in through the command side (where the proxy sends its POST) and reading from
     * the query side: the query side learns of a change made on the command side at its next request.
     */
    private static void aPageSessionFollowsItsAccountOnTheOtherSide(ServiceProcess command, ServiceProcess query) {
        Http admin = command.http.asAdmin();
        assertThat(admin.post("/api/v1/admin/accounts",
                "{\"username\": \"page-ed\", \"password\": \"a-long-enough-secret\", \"roles\": [\"EDITOR\"]}")
                .status()).isEqualTo(201);
        Browser page = new Browser();
        assertThat(page.signIn(command.port, "page-ed", "a-long-enough-secret").status()).isEqualTo(200);
        assertThat(page.send(query.port, "GET", "/api/v1/session", null).json().path("roles").toString())
                .isEqualTo("[\"EDITOR\",\"READER\"]");

        assertThat(admin.put("/api/v1/admin/accounts/page-ed", "{\"roles\": [\"READER\"]}").status()).isEqualTo(200);
        assertThat(page.send(query.port, "GET", "/api/v1/session", null).json().path("roles").toString())
                .as("demoted, on the other process").isEqualTo("[\"READER\"]");

        assertThat(admin.put("/api/v1/admin/accounts/page-ed",
                "{\"password\": \"another-long-secret\", \"roles\": [\"READER\"]}").status()).isEqualTo(200);
        Http.Answer ended = page.send(query.port, "GET", Slice.DAY, null);
        assertThat(ended.status()).as("a new password ends the session on the other process too").isEqualTo(401);
        assertThat(page.send(query.port, "GET", "/api/v1/session", null).json().path("signedIn").asBoolean(true))
                .isFalse();
    }
}
