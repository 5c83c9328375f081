package org.chronicle.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.chronicle.platform.testing.Accounts;
import org.chronicle.platform.testing.Http.Answer;
import org.chronicle.platform.testing.Rastan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service started before its database, as after a power cut where the database comes back
 * last: it stays up and says DOWN, then migrates, seeds and serves once PostgreSQL answers,
 * without a restart.
 */
class StartBeforePostgresIT {

    @TempDir
    Path work;

    @Test
    void theServiceWaitsDownForItsDatabaseAndServesOnceItAnswers() throws Exception {
        try (OwnPostgres postgres = OwnPostgres.create();
             ServiceProcess app = ServiceProcess.launch(ServiceProcess.jarOf("app"), work,
                     Accounts.environment(postgres.url()))) {
            Answer health = awaitHealthAnswer(app, Duration.ofSeconds(180));
            assertThat(health.status()).as(health.body()).isEqualTo(503);
            assertThat(health.json().path("status").asText()).isEqualTo("DOWN");

            Answer write = app.http.asAdmin().post(Slice.CHRONICLE + "/reports",
                    Rastan.casualties("r-before-the-database", "2012-01-31", 1));
            assertThat(write.status()).as("credentials that cannot be checked are not wrong: " + write.body())
                    .isEqualTo(503);
            assertThat(write.isProblem()).isTrue();
            assertThat(write.retryAfter()).isNotBlank();

            // Several rounds of the migrations' retry go by: the process keeps waiting, it does not give up.
            Thread.sleep(3_000);
            assertThat(app.isAlive()).as(app.log()).isTrue();
            assertThat(app.http.get("/actuator/health").status()).isEqualTo(503);

            postgres.start();
            app.awaitHealthy(Duration.ofSeconds(60));

            Slice.record(app.http.asAdmin());
            Answer report = app.http.get(Slice.CHRONICLE + "/reports/r-0131-building");
            assertThat(report.status()).as(report.body()).isEqualTo(200);
            assertThat(report.json().path("version").asLong()).isEqualTo(1);
            // Read through the projections: their processors started once the schema was there.
            Slice.answered(app.http);
            Answer seeded = app.http.getUntil("/api/v1/chronicles/" + RastanSeed.CHRONICLE,
                    a -> a.status() == 200, Duration.ofSeconds(30));
            assertThat(seeded.status()).as("the seed waited for the database, then ran: " + seeded.body())
                    .isEqualTo(200);
        }
    }

    private static Answer awaitHealthAnswer(ServiceProcess app, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(app.isAlive()).as("the service died while its database was away:\n%s", app.log()).isTrue();
            try {
                return app.http.get("/actuator/health");
            } catch (RuntimeException notListeningYet) {
                Thread.sleep(250);
            }
        }
        throw new AssertionError("The service did not answer its health in " + patience + ":\n" + app.log());
    }
}
