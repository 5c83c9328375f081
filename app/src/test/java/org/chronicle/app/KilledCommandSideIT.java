package org.chronicle.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.chronicle.platform.testing.Accounts;
import org.chronicle.platform.testing.Rastan;
import org.chronicle.platform.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command side dies under load (SIGKILL: no shutdown, requests cut wherever they were) while a
 * second one on the same store stays up, as two behind a balancer. Sixteen clients write to the
 * first; each write the kill left unanswered is sent again, with the same id and body, to the
 * other one until it is acknowledged. A write the dead process had committed before its answer
 * was lost must come back as "already recorded", not as a second report; one it had not
 * committed must be recorded once. Afterwards the store holds every acknowledged report exactly
 * once, and nothing else.
 */
class KilledCommandSideIT {

    private static final int CLIENTS = 16;
    private static final String CHRONICLE_ID = "killed-2012";
    private static final String DATE = "2012-01-31";
    /** Acknowledged writes before the kill: every client is in full flow by then. */
    private static final int BEFORE_KILL = 160;

    @TempDir
    Path work;

    @Test
    void writesCutByAKilledCommandSideAreStoredOnceWhenSentAgainToTheOther() throws Exception {
        String database = TestDatabase.create(KilledCommandSideIT.class);
        Map<String, String> env = new HashMap<>(Accounts.environment(database));
        env.put("CHRONICLE_DB_POOL_SIZE", "8");
        try (ServiceProcess a = ServiceProcess.start(ServiceProcess.jarOf("command-side"), work, env);
             ServiceProcess b = ServiceProcess.start(ServiceProcess.jarOf("command-side"), work, env)) {
            assertThat(a.http.asAdmin().put("/api/v1/chronicles/" + CHRONICLE_ID, Rastan.CHRONICLE).status())
                    .isEqualTo(201);

            RetryingWriters clients = new RetryingWriters(CLIENTS, CHRONICLE_ID, DATE, a.http.asAdmin(), b.http.asAdmin());
            try (clients) {
                clients.start();
                clients.awaitAcknowledged(BEFORE_KILL);
                a.kill();
                int atKill = clients.acknowledged.size();
                clients.awaitAcknowledged(atKill + 5L * CLIENTS);
                clients.finish();
            }

            RetryingWriters.Tally tally = clients.tally(database);
            System.out.printf("KilledCommandSideIT figures: clients=%d, tried=%d, unanswered=%d, "
                            + "unanswered sent on to B=%d, acknowledged=%d (201: %d, 200 already recorded: %d), "
                            + "lost=%d, doubled=%d, extra=%d, other answers=%d%n",
                    CLIENTS, clients.tried.get(), clients.unanswered.get(), clients.sentOn.get(), tally.acknowledged(),
                    clients.acknowledgedAs(201), clients.acknowledgedAs(200), tally.lost(), tally.doubled(),
                    tally.extra().size(), clients.unexpected.size());

            assertThat(clients.unexpected).as(() -> "answers other than 2xx and 503; B logged:\n" + b.loggedErrors())
                    .isEmpty();
            // Every client writes on after the kill, so each one meets the dead process once.
            assertThat(clients.sentOn.get()).as("clients that went on to B").isEqualTo(CLIENTS);
            tally.assertExact();
        }
    }
}
