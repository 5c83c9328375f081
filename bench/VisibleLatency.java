import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Cross-process latency: how long after the command side's 201 a report shows in the query
 * side's read models, the two being separate processes on one PostgreSQL. Records REPORTS
 * CASUALTIES reports (after 100 unmeasured ones that warm the services up) one at a time, with a
 * random pause of up to 100 ms between them; after each 201 it asks the query side for the
 * report's day every 2 ms until the day lists the report and its civilian toll includes it (the
 * reports and the casualties projections both have it). The time counts up to the answer of the
 * read that saw it, so it includes that read. Prints p50/p90/p99/max in ms, and the same as one
 * JSON object on the last line.
 *
 *   CHRONICLE_BENCH_AUTH=admin:PASSWORD java bench/VisibleLatency.java COMMAND_URL QUERY_URL [REPORTS] [LABEL]
 *
 * bench/visible-latency.sh starts the services on a database of its own and runs this.
 */
public class VisibleLatency {

    private static final int WARM_UP = 100;
    /** Between two reads of one report: short for precision, not so short that reading starves projecting. */
    private static final long POLL_PAUSE_MILLIS = 2;
    private static final long PATIENCE_NANOS = 30_000_000_000L;
    private static final LocalDate START = LocalDate.of(2012, 1, 29);
    private static final int DAYS = 124; // 29 January to 31 May 2012, the Rastan chronicle's period

    private static final String CHRONICLE = """
            {"name": "Battle of Rastan (January-February 2012)",
             "place": {"name": "Rastan, Homs Governorate, Syria", "latitude": 34.91525, "longitude": 36.735485},
             "period": {"start": "2012-01-29", "end": "2012-05-31"},
             "sides": [{"id": "fsa", "name": "Free Syrian Army"}, {"id": "government", "name": "Syrian Arab Republic"}],
             "areas": [{"id": "rastan", "name": "Rastan"},
                       {"id": "rastan-west", "name": "Western neighbourhoods", "parent": "rastan"},
                       {"id": "rastan-suburbs", "name": "Suburbs"}],
             "initialControl": [{"area": "rastan", "side": "government"}, {"area": "rastan-suburbs", "side": "government"}]}
            """;

    private final HttpClient http = HttpClient.newHttpClient();
    private final String command;
    private final String query;
    private final String chronicle = "latency-" + System.currentTimeMillis();
    private final Map<LocalDate, Long> killedOn = new HashMap<>();
    private final Random random = new Random(42);
    private int polls;
    private double lastRead;

    private VisibleLatency(String command, String query) {
        this.command = command;
        this.query = query;
    }

    public static void main(String[] args) throws Exception {
        String command = args.length > 0 ? args[0] : "http://127.0.0.1:8081";
        String query = args.length > 1 ? args[1] : "http://127.0.0.1:8082";
        int reports = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        String label = args.length > 3 ? args[3] : "";
        new VisibleLatency(command, query).run(reports, label);
    }

    private void run(int reports, String label) throws Exception {
        send(authorized(HttpRequest.newBuilder(URI.create(command + "/api/v1/chronicles/" + chronicle)))
                .header("Content-Type", "application/json").PUT(body(CHRONICLE)).build(), 201);
        for (int i = 0; i < WARM_UP; i++) {
            recordAndWait("warm-" + i, i);
        }
        double[] millis = new double[reports];
        double[] reads = new double[reports];
        polls = 0;
        for (int i = 0; i < reports; i++) {
            millis[i] = recordAndWait("r-" + i, WARM_UP + i);
            reads[i] = lastRead;
            Thread.sleep(random.nextInt(101));
        }
        Arrays.sort(millis);
        Arrays.sort(reads);
        double mean = Arrays.stream(millis).average().orElse(0);
        System.out.printf("%s: %d reports, visible after the 201 in p50 %.1f ms, p90 %.1f ms, p99 %.1f ms,"
                        + " max %.1f ms (mean %.1f ms; %.1f reads per report, the read that saw it took"
                        + " p50 %.1f ms, p99 %.1f ms)%n", label, reports,
                percentile(millis, 50), percentile(millis, 90), percentile(millis, 99), millis[reports - 1], mean,
                (double) polls / reports, percentile(reads, 50), percentile(reads, 99));
        System.out.printf(java.util.Locale.ROOT, "{\"label\": \"%s\", \"reports\": %d, \"p50_ms\": %.1f, \"p90_ms\": %.1f,"
                        + " \"p99_ms\": %.1f, \"max_ms\": %.1f, \"mean_ms\": %.1f, \"reads_per_report\": %.1f,"
                        + " \"seeing_read_p50_ms\": %.1f, \"seeing_read_p99_ms\": %.1f}%n", label, reports,
                percentile(millis, 50), percentile(millis, 90), percentile(millis, 99), millis[reports - 1], mean,
                (double) polls / reports, percentile(reads, 50), percentile(reads, 99));
    }

    /** Records a report and answers the milliseconds from its 201 until the query side shows it. */
    private double recordAndWait(String id, int i) throws Exception {
        LocalDate day = START.plusDays(i % DAYS);
        int killed = 1 + random.nextInt(20);
        send(authorized(HttpRequest.newBuilder(URI.create(command + "/api/v1/chronicles/" + chronicle + "/reports")))
                .header("Content-Type", "application/json").POST(body(report(id, day, killed))).build(), 201);
        long created = System.nanoTime();
        long expected = killedOn.merge(day, (long) killed, Long::sum);
        HttpRequest read = HttpRequest.newBuilder(URI.create(query + "/api/v1/chronicles/" + chronicle + "/days/" + day))
                .GET().build();
        while (true) {
            long asked = System.nanoTime();
            HttpResponse<String> answer = http.send(read, HttpResponse.BodyHandlers.ofString());
            long now = System.nanoTime();
            polls++;
            if (answer.statusCode() == 200 && shows(Json.parse(answer.body()), id, expected)) {
                lastRead = (now - asked) / 1e6;
                return (now - created) / 1e6;
            }
            if (now - created > PATIENCE_NANOS) {
                throw new IllegalStateException("report " + id + " not visible after 30 s: " + answer.body());
            }
            Thread.sleep(POLL_PAUSE_MILLIS);
        }
    }

    @SuppressWarnings("unchecked")
    private static boolean shows(Object day, String id, long killed) {
        Map<String, Object> state = (Map<String, Object>) day;
        boolean listed = ((List<Object>) state.getOrDefault("reports", List.of())).stream()
                .anyMatch(r -> id.equals(((Map<String, Object>) r).get("reportId")));
        Object best = path(state, "casualties", "day", "civilians", "killed", "best");
        return listed && best instanceof Number n && n.longValue() == killed;
    }

    @SuppressWarnings("unchecked")
    private static Object path(Object node, String... keys) {
        for (String key : keys) {
            if (!(node instanceof Map<?, ?> map)) {
                return null;
            }
            node = ((Map<String, Object>) map).get(key);
        }
        return node;
    }

    private static String report(String id, LocalDate day, int killed) {
        return """
                {"reportId": "%s", "type": "CASUALTIES", "date": "%s", "area": "rastan",
                 "summary": "Civilians killed by tank fire",
                 "sources": [{"name": "Syrian forces kill 10 in rebel town", "publisher": "AFP",
                              "publishedOn": "%s", "url": null}],
                 "casualties": [{"party": "civilians", "killed": %d, "wounded": 15},
                                {"party": "fsa", "killed": {"low": 2, "best": 3, "high": null}}]}
                """.formatted(id, day, day, killed);
    }

    private static double percentile(double[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    /** Writes need an editor: CHRONICLE_BENCH_AUTH=user:password. */
    private static HttpRequest.Builder authorized(HttpRequest.Builder request) {
        String auth = System.getenv("CHRONICLE_BENCH_AUTH");
        return auth == null ? request : request.header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString(auth.getBytes(StandardCharsets.UTF_8)));
    }

    private static HttpRequest.BodyPublisher body(String json) {
        return HttpRequest.BodyPublishers.ofString(json);
    }

    private void send(HttpRequest request, int expected) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
    }

    /** Just enough JSON for the day's answer: objects, arrays, strings, numbers, true, false, null. */
    private static final class Json {

        private final String text;
        private int at;

        private Json(String text) {
            this.text = text;
        }

        static Object parse(String text) {
            return new Json(text).value();
        }

        private Object value() {
            skipSpace();
            char c = text.charAt(at);
            switch (c) {
                case '{':
                    at++;
                    Map<String, Object> object = new LinkedHashMap<>();
                    skipSpace();
                    if (text.charAt(at) == '}') {
                        at++;
                        return object;
                    }
                    do {
                        skipSpace();
                        String key = string();
                        skipSpace();
                        at++; // ':'
                        object.put(key, value());
                        skipSpace();
                    } while (text.charAt(at++) == ',');
                    return object;
                case '[':
                    at++;
                    List<Object> array = new ArrayList<>();
                    skipSpace();
                    if (text.charAt(at) == ']') {
                        at++;
                        return array;
                    }
                    do {
                        array.add(value());
                        skipSpace();
                    } while (text.charAt(at++) == ',');
                    return array;
                case '"':
                    return string();
                default:
                    int start = at;
                    while (at < text.length() && ",}] \n\r\t".indexOf(text.charAt(at)) < 0) {
                        at++;
                    }
                    String word = text.substring(start, at);
                    return switch (word) {
                        case "true" -> Boolean.TRUE;
                        case "false" -> Boolean.FALSE;
                        case "null" -> null;
                        default -> Double.valueOf(word);
                    };
            }
        }

        private String string() {
            StringBuilder out = new StringBuilder();
            at++; // opening quote
            while (true) {
                char c = text.charAt(at++);
                if (c == '"') {
                    return out.toString();
                }
                if (c == '\\') {
                    char escaped = text.charAt(at++);
                    switch (escaped) {
                        case 'n' -> out.append('\n');
                        case 't' -> out.append('\t');
                        case 'r' -> out.append('\r');
                        case 'b' -> out.append('\b');
                        case 'f' -> out.append('\f');
                        case 'u' -> {
                            out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                            at += 4;
                        }
                        default -> out.append(escaped);
                    }
                } else {
                    out.append(c);
                }
            }
        }

        private void skipSpace() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }
    }
}
