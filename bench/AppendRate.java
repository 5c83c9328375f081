import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reports per second recorded through the HTTP API, each acknowledged (201) after its commit, by
 * CLIENTS clients at once (threads, each waiting for its answer before it sends the next report),
 * into a chronicle of its own.
 *
 * Counted: COUNT reports after as many unmeasured ones (the JIT needs a few thousand requests
 * before the rate settles). Timed, with {@code --seconds S}: the reports acknowledged within S
 * seconds, after {@code --warm W} seconds (default S) unmeasured. Prints one line,
 * "append_CLIENTS: N reports in T s = R reports/s (after W warm-up)". With {@code --endpoint stack-limit}
 * the same requests go to the command side's benchmark-only endpoint, whose handler makes one
 * plain INSERT: the ceiling of the HTTP stack.
 *
 *   CHRONICLE_BENCH_AUTH=admin:PASSWORD java bench/AppendRate.java http://127.0.0.1:8080 5000
 *   CHRONICLE_BENCH_AUTH=admin:PASSWORD java bench/AppendRate.java http://127.0.0.1:8080 0 --clients 16 --seconds 20
 */
public class AppendRate {

    /** Where the reports go: {@code reports}, or {@code stack-limit} for the HTTP stack's ceiling (benchmark profile). */
    private static String endpoint = "reports";

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://127.0.0.1:8080";
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
        int clients = 1;
        double seconds = 0;
        double warm = -1;
        for (int i = 2; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--clients" -> clients = Integer.parseInt(args[i + 1]);
                case "--seconds" -> seconds = Double.parseDouble(args[i + 1]);
                case "--warm" -> warm = Double.parseDouble(args[i + 1]);
                case "--endpoint" -> endpoint = args[i + 1];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        String chronicle = "bench-" + System.currentTimeMillis();
        HttpClient http = HttpClient.newHttpClient();
        send(http, authorized(HttpRequest.newBuilder(URI.create(base + "/api/v1/chronicles/" + chronicle)))
                .header("Content-Type", "application/json").PUT(body("""
                {"name": "Append benchmark", "period": {"start": "2012-01-01", "end": "2012-12-31"},
                 "sides": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}],
                 "areas": [{"id": "x", "name": "X"}], "initialControl": []}""")).build(), 201);
        if (seconds > 0) {
            timed(http, base, chronicle, clients, seconds, warm < 0 ? seconds : warm);
        } else {
            counted(http, base, chronicle, clients, count);
        }
    }

    private static void counted(HttpClient http, String base, String chronicle, int clients, int count)
            throws Exception {
        int each = Math.max(1, count / clients);
        run(clients, client -> {
            for (int i = 0; i < each; i++) {
                record(http, base, chronicle, "warm-" + client + "-" + i, i);
            }
        });
        long start = System.nanoTime();
        run(clients, client -> {
            for (int i = 0; i < each; i++) {
                record(http, base, chronicle, "r-" + client + "-" + i, i);
            }
        });
        double elapsed = (System.nanoTime() - start) / 1e9;
        long recorded = (long) each * clients;
        System.out.printf(Locale.ROOT, "append_%d: %d reports in %.2f s = %.0f reports/s (after %d warm-up)%n",
                clients, recorded, elapsed, recorded / elapsed, recorded);
    }

    /** Every client records until the end; those acknowledged between the warm-up's end and the end count. */
    private static void timed(HttpClient http, String base, String chronicle, int clients, double seconds,
                              double warm) throws Exception {
        long measureFrom = System.nanoTime() + (long) (warm * 1e9);
        long measureTo = measureFrom + (long) (seconds * 1e9);
        AtomicLong measured = new AtomicLong();
        AtomicLong warmedUp = new AtomicLong();
        run(clients, client -> {
            for (int i = 0; System.nanoTime() < measureTo; i++) {
                record(http, base, chronicle, "r-" + client + "-" + i, i);
                long now = System.nanoTime();
                if (now < measureFrom) {
                    warmedUp.incrementAndGet();
                } else if (now <= measureTo) {
                    measured.incrementAndGet();
                }
            }
        });
        System.out.printf(Locale.ROOT, "append_%d: %d reports in %.2f s = %.0f reports/s (after %d warm-up)%n",
                clients, measured.get(), seconds, measured.get() / seconds, warmedUp.get());
    }

    @FunctionalInterface
    private interface Client {
        void run(int client) throws Exception;
    }

    /** Runs the clients on threads of their own and waits for them; the first failure fails the run. */
    private static void run(int clients, Client body) throws Exception {
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread thread = new Thread(() -> {
                try {
                    body.run(client);
                } catch (Throwable e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            }, "client-" + c);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("a client failed", failures.get(0));
        }
    }

    private static void record(HttpClient http, String base, String chronicle, String id, int i) throws Exception {
        String day = LocalDate.of(2012, 1, 1).plusDays(i % 366).toString();
        send(http, authorized(HttpRequest.newBuilder(URI.create(base + "/api/v1/chronicles/" + chronicle + "/" + endpoint)))
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
