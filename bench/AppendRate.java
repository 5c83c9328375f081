import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A first baseline, until the benchmark harness exists: reports per second recorded through the
 * HTTP API by one client, each acknowledged after its commit.
 *
 *   CHRONICLE_BENCH_AUTH=admin:PASSWORD java bench/AppendRate.java http://127.0.0.1:8080 5000
 */
public class AppendRate {

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://127.0.0.1:8080";
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
        String chronicle = "bench-" + System.currentTimeMillis();
        HttpClient http = HttpClient.newHttpClient();
        send(http, authorized(HttpRequest.newBuilder(URI.create(base + "/api/v1/chronicles/" + chronicle)))
                .header("Content-Type", "application/json").PUT(body("""
                {"name": "Append benchmark", "period": {"start": "2012-01-01", "end": "2012-12-31"},
                 "sides": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}],
                 "areas": [{"id": "x", "name": "X"}], "initialControl": []}""")).build(), 201);
        // The JIT needs a few thousand requests before the rate settles; warm up as long as we measure.
        int warmup = count;
        for (int i = 0; i < warmup; i++) {
            record(http, base, chronicle, "warm-" + i, i);
        }
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            record(http, base, chronicle, "r-" + i, i);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("append_1: %d reports in %.2f s = %.0f reports/s (after %d warm-up)%n",
                count, seconds, count / seconds, warmup);
    }

    private static void record(HttpClient http, String base, String chronicle, String id, int i) throws Exception {
        String day = java.time.LocalDate.of(2012, 1, 1).plusDays(i % 366).toString();
        send(http, authorized(HttpRequest.newBuilder(URI.create(base + "/api/v1/chronicles/" + chronicle + "/reports")))
                .header("Content-Type", "application/json").POST(body("""
                {"reportId": "%s", "type": "CASUALTIES", "date": "%s", "area": "x", "summary": "Benchmark report",
                 "sources": [{"name": "Bench", "publisher": "Bench", "publishedOn": "%s"}],
                 "casualties": [{"party": "civilians", "killed": %d, "wounded": 1}, {"party": "a", "killed": 2}]}"""
                .formatted(id, day, day, i % 50))).build(), 201);
    }

    /** Writes need an editor: CHRONICLE_BENCH_AUTH=user:password. */
    private static HttpRequest.Builder authorized(HttpRequest.Builder request) {
        String auth = System.getenv("CHRONICLE_BENCH_AUTH");
        return auth == null ? request : request.header("Authorization", "Basic "
                + java.util.Base64.getEncoder().encodeToString(auth.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private static HttpRequest.BodyPublisher body(String json) {
        return HttpRequest.BodyPublishers.ofString(json);
    }

    private static void send(HttpClient http, HttpRequest request, int expected) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
    }
}
