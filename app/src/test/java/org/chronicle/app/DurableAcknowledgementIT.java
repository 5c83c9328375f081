package org.chronicle.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.chronicle.platform.testing.Accounts;
import org.chronicle.platform.testing.Http;
import org.chronicle.platform.testing.Rastan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 201 from {@code app} on its H2 default means the report is on disk: a burst of acknowledged
 * writes, the process killed (SIGKILL, no shutdown) right after the last answer, and every one of
 * them is there after a restart on the same data directory. Without a sync after each commit H2
 * keeps the last second of commits in memory, and this lost 10 of 60.
 */
class DurableAcknowledgementIT {

    private static final String CHRONICLE = "/api/v1/chronicles/durable-2012";
    private static final int BURST = 60;

    @TempDir
    Path work;

    @Test
    void everyAcknowledgedReportSurvivesAKillRightAfterItsAnswer() {
        List<String> acknowledged = new ArrayList<>();
        try (ServiceProcess app = ServiceProcess.start(ServiceProcess.jarOf("app"), work, Accounts.environment(null),
                "-Dchronicle.seed.enabled=false")) {
            Http writes = app.http.asAdmin();
            assertThat(writes.put(CHRONICLE, Rastan.CHRONICLE).status()).isEqualTo(201);
            for (int i = 0; i < BURST; i++) {
                String id = "r-" + i;
                Http.Answer recorded = writes.post(CHRONICLE + "/reports", Rastan.casualties(id, "2012-01-31", 1));
                assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
                acknowledged.add(id);
            }
            app.kill();
        }
        try (ServiceProcess restarted = ServiceProcess.start(ServiceProcess.jarOf("app"), work,
                Accounts.environment(null), "-Dchronicle.seed.enabled=false")) {
            List<String> lost = new ArrayList<>();
            for (String id : acknowledged) {
                if (restarted.http.get(CHRONICLE + "/reports/" + id).status() != 200) {
                    lost.add(id);
                }
            }
            System.out.printf("DurableAcknowledgementIT figures: tried=%d, acknowledged=%d, lost after SIGKILL=%d%n",
                    BURST, acknowledged.size(), lost.size());
            assertThat(restarted.http.get(CHRONICLE).status()).as("the acknowledged definition").isEqualTo(200);
            assertThat(lost).as("acknowledged reports missing after the kill, of " + BURST).isEmpty();
        }
    }
}
