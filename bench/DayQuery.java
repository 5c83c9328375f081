import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * The read side of a large chronicle, measured by one client: how long the projections take to
 * catch up with a seeded store, then the latency of day queries. Run by bench/day-query.sh.
 *
 *   java bench/DayQuery.java BASE CHRONICLE HEAD_POSITION EVENTS REQUESTS SERVICE_LOG LAUNCH_EPOCH_MS OUT.json
 *
 * The chronicle's period is 2012-01-29 to 2012-05-31 and its events were recorded from
 * 2026-01-01T00:00:00Z one second apart (bench/seed-chronicle.sql), over about 4 x reports seconds.
 */
public class DayQuery {

    private static final LocalDate START = LocalDate.of(2012, 1, 29);
    private static final LocalDate END = LocalDate.of(2012, 5, 31);
    private static final Instant RECORDED_FROM = Instant.parse("2026-01-01T00:00:00Z");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String chronicle = args[1];
        long head = Long.parseLong(args[2]);
        long events = Long.parseLong(args[3]);
        int requests = Integer.parseInt(args[4]);
        Path serviceLog = Path.of(args[5]);
        long launchedAt = Long.parseLong(args[6]);
        Path out = Path.of(args[7]);
        long reports = Long.parseLong(System.getenv().getOrDefault("BENCH_REPORTS", "100000"));

        // Catch-up: from the first segment claimed (the processors start) to every projection past the head.
        awaitHealthy(base);
        long healthyAt = System.currentTimeMillis();
        String caughtUp = "/api/v1/chronicles/" + chronicle + "?consistentWith=" + head;
        HttpResponse<String> answer = get(base + caughtUp);
        while (answer.statusCode() != 200) {
            if (answer.statusCode() != 503) {
                throw new IllegalStateException(answer.statusCode() + " " + answer.body());
            }
            answer = get(base + caughtUp);
        }
        long caughtUpAt = System.currentTimeMillis();
        String marker = System.getenv("BENCH_CAUGHT_UP");
        if (marker != null) {
            Files.writeString(Path.of(marker), "caught up\n");    // day-query.sh stops its ANALYZE loop
        }
        int analyzeEvery = Integer.parseInt(System.getenv().getOrDefault("BENCH_ANALYZE_EVERY", "0"));
        long processingFrom = firstClaim(serviceLog);
        double catchUpSeconds = (caughtUpAt - processingFrom) / 1000.0;
        System.out.printf(Locale.ROOT, "catch-up: %d events in %.1f s = %.0f events/s (service started in %.1f s)%n",
                events, catchUpSeconds, events / catchUpSeconds, (processingFrom - launchedAt) / 1000.0);

        Random random = new Random(42);
        int days = (int) (END.toEpochDay() - START.toEpochDay() + 1);
        String daysPath = "/api/v1/chronicles/" + chronicle + "/days";
        // The JIT and the database's caches first: as many requests as measured, not counted.
        for (int i = 0; i < Math.min(requests, 300); i++) {
            expect200(get(base + daysPath + "/" + START.plusDays(random.nextInt(days))));
        }

        Series plain = new Series("day");
        for (int i = 0; i < requests; i++) {
            String path = daysPath + "/" + START.plusDays(random.nextInt(days));
            plain.add(timed(base + path));
        }
        Series asKnownAt = new Series("day?asKnownAt");
        long recordedSpan = 4 * reports;
        for (int i = 0; i < requests; i++) {
            Instant at = RECORDED_FROM.plusSeconds((long) (random.nextDouble() * recordedSpan));
            String path = daysPath + "/" + START.plusDays(random.nextInt(days)) + "?asKnownAt=" + at;
            asKnownAt.add(timed(base + path));
        }
        Series all = new Series("days");
        all.add(timed(base + daysPath));
        for (int i = 0; i < 4; i++) {
            all.add(timed(base + daysPath));
        }

        // Does the service honour asKnownAt on a day? An instant before the first report must show none.
        HttpResponse<String> early = get(base + daysPath + "/" + START + "?asKnownAt=" + RECORDED_FROM);
        boolean honoured = early.statusCode() == 200 && early.body().contains("\"reports\":[]");

        for (Series s : List.of(plain, asKnownAt, all)) {
            System.out.println(s.line());
        }
        System.out.println("asKnownAt honoured on a day (no report at the first instant): " + honoured
                + " (status " + early.statusCode() + ")");

        String json = """
                {"reports": %d, "events": %d, "headPosition": %d, "analyzeEverySeconds": %d,
                 "catchUp": {"seconds": %.2f, "eventsPerSecond": %.0f, "serviceStartSeconds": %.2f, "healthyToCaughtUpSeconds": %.2f},
                 "day": %s,
                 "dayAsKnownAt": %s,
                 "asKnownAtHonoured": %s,
                 "days": %s}
                """.formatted(reports, events, head, analyzeEvery, catchUpSeconds, events / catchUpSeconds,
                (processingFrom - launchedAt) / 1000.0, (caughtUpAt - healthyAt) / 1000.0,
                plain.json(), asKnownAt.json(), honoured, all.json());
        Files.writeString(out, json);
        System.out.println("written to " + out);
    }

    /** The instant of the first "claimed" line of the service log: the processors begin to work. */
    private static long firstClaim(Path log) throws IOException {
        for (String line : Files.readAllLines(log)) {
            if (line.contains("claimed the token for segment")) {
                return Instant.parse(line.substring(0, line.indexOf(' '))).toEpochMilli();
            }
        }
        throw new IllegalStateException("No segment claimed in " + log);
    }

    private static void awaitHealthy(String base) throws Exception {
        for (int i = 0; i < 1200; i++) {
            try {
                if (get(base + "/actuator/health").body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("The query side did not become healthy");
    }

    private static Sample timed(String url) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = get(url);
        return new Sample((System.nanoTime() - start) / 1e6, response.statusCode(), response.body().length());
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void expect200(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
    }

    record Sample(double millis, int status, int bytes) {
    }

    static final class Series {
        final String name;
        final List<Sample> samples = new ArrayList<>();
        final Map<Integer, Integer> statuses = new TreeMap<>();

        Series(String name) {
            this.name = name;
        }

        void add(Sample sample) {
            samples.add(sample);
            statuses.merge(sample.status(), 1, Integer::sum);
        }

        double percentile(double p) {
            double[] sorted = samples.stream().mapToDouble(Sample::millis).sorted().toArray();
            return sorted[Math.max(0, (int) Math.ceil(p / 100 * sorted.length) - 1)];
        }

        double meanBytes() {
            return samples.stream().mapToInt(Sample::bytes).average().orElse(0);
        }

        String line() {
            return String.format(Locale.ROOT, "%-14s n=%d p50=%.1f ms p99=%.1f ms max=%.1f ms, mean body %.0f bytes, statuses %s",
                    name, samples.size(), percentile(50), percentile(99), percentile(100), meanBytes(), statuses);
        }

        String json() {
            StringBuilder statusJson = new StringBuilder("{");
            statuses.forEach((status, n) -> statusJson.append(statusJson.length() > 1 ? ", " : "")
                    .append('"').append(status).append("\": ").append(n));
            statusJson.append('}');
            return String.format(Locale.ROOT, "{\"n\": %d, \"p50Ms\": %.2f, \"p99Ms\": %.2f, \"maxMs\": %.2f, \"meanBytes\": %.0f, \"statuses\": %s}",
                    samples.size(), percentile(50), percentile(99), percentile(100), meanBytes(), statusJson);
        }
    }
}
