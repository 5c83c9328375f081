package org.chronicle.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.chronicle.api.Refusal;
import org.chronicle.command.imports.ImportProgress;
import org.chronicle.command.imports.ImportResult;
import org.chronicle.command.imports.Imports;
import org.chronicle.platform.eventstore.EventPositions;
import org.chronicle.platform.launch.Launch;
import org.chronicle.query.projection.Rebuilds;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The service started inside the CLI's own process, on the store named by
 * {@code CHRONICLE_DB_URL} or the embedded default under {@code ./data} (opened in AUTO_SERVER
 * mode, so a running service may share it). Reads go through its HTTP API on a loopback port;
 * imports and rebuilds are asked of it directly, as its administrator would.
 */
class EmbeddedService implements Service {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    /** Who an import from the command line is recorded by, as the seed's are by {@code seed}. */
    static final String CLI_ACCOUNT = "cli";
    private final ConfigurableApplicationContext context;
    private final RemoteService http;

    EmbeddedService(String credentials) {
        this.context = Launch.run(ChronicleApp.class, "--server.port=0", "--server.address=127.0.0.1",
                "--spring.main.banner-mode=off", "--logging.level.root=WARN",
                "--logging.level.org.chronicle=WARN");
        awaitSeed(context);
        String port = context.getEnvironment().getProperty("local.server.port");
        this.http = new RemoteService("http://127.0.0.1:" + port, credentials);
    }

    /** A fresh store is seeded as the service starts: a command waits until that is projected. */
    private static void awaitSeed(ConfigurableApplicationContext context) {
        SeedReadiness seed = context.getBean(SeedReadiness.class);
        try {
            if (!seed.awaitSeeded(Duration.ofMinutes(5))) {
                throw new CliFailure("The Battle of Rastan was not projected within 5 minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure("Interrupted while the Battle of Rastan was loaded");
        }
    }

    /** Just started, its projections may still be reading the store: reads wait for its head. */
    @Override
    public String consistency() {
        return "consistentWith=" + context.getBean(EventPositions.class).head() + "&";
    }

    @Override
    public JsonNode get(String path) {
        return http.get(path);
    }

    @Override
    public String getText(String path) {
        return http.getText(path);
    }

    @Override
    public JsonNode importFile(String chronicleId, String format, Path file, Progress progress) {
        ImportProgress counted = new ImportProgress();
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        ticker.scheduleAtFixedRate(() -> progress.at(counted.processed(), counted.total()), 0, 200,
                TimeUnit.MILLISECONDS);
        // The events name who recorded them: the command line, which opens the store itself.
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(CLI_ACCOUNT, null, List.of()));
        try (InputStream in = Files.newInputStream(file)) {
            ImportResult result = context.getBean(Imports.class).run(chronicleId, format, in, counted);
            progress.at(counted.processed(), counted.total());
            return JSON.valueToTree(result);
        } catch (Refusal refusal) {
            throw new CliFailure(refusal instanceof Refusal.Invalid invalid
                    ? String.join("\n", invalid.violations().stream().map(v -> v.field() + ": " + v.message()).toList())
                    : refusal.getMessage());
        } catch (IOException e) {
            throw new CliFailure("Cannot read " + file + ": " + e.getMessage());
        } finally {
            ticker.shutdownNow();
            SecurityContextHolder.clearContext();
        }
    }

    @Override
    public JsonNode rebuild(String projection) {
        try {
            context.getBean(Rebuilds.class).start(projection);
            return JSON.valueToTree(context.getBean(Rebuilds.class).progress(projection));
        } catch (Refusal refusal) {
            throw new CliFailure(refusal.getMessage());
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
