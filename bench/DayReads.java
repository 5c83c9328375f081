import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reads of one chronicle, by one client waiting for each answer: REQUESTS GETs of a random day
 * of its period, REQUESTS more each with a random asKnownAt instant between FROM and TO, and the
 * list of its days LISTS times (default 3, after one unmeasured when LISTS > 1). Every answer must
 * be a 200. The JIT and the database's caches are warmed first with min(REQUESTS, 300) unmeasured
 * day reads. A day of a large chronicle can take seconds, so each series also stops after SECONDS
 * (default 600; the warm-up after a third of that), and says how many it measured; the list is
 * given twice that (at least 5 minutes) to answer. Prints a line per series and appends its figures
 * to OUT as properties as soon as it ends (query_day_p50_ms, query_day_p99_ms,
 * query_day_asknownat_p50_ms, query_day_asknownat_p99_ms, days_list_ms, and details).
 * Run by run.sh.
 *
 *   java bench/DayReads.java QUERY_URL CHRONICLE REQUESTS FROM_INSTANT TO_INSTANT OUT.properties [LISTS] [SECONDS]
 */
public class DayReads {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration DAY_TIMEOUT = Duration.ofMinutes(5);

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String chronicle = args[1];
        int requests = Integer.parseInt(args[2]);
        Instant from = Instant.parse(args[3]);
        Instant to = Instant.parse(args[4]);
        Path out = Path.of(args[5]);
        int lists = args.length > 6 ? Integer.parseInt(args[6]) : 3;
        long budget = (long) ((args.length > 7 ? Double.parseDouble(args[7]) : 600) * 1e9);

        String definition = expect200(get(base + "/api/v1/chronicles/" + chronicle, DAY_TIMEOUT)).body();
        Matcher period = Pattern.compile("\"period\"\\s*:\\s*\\{\\s*\"start\"\\s*:\\s*\"([0-9-]+)\"\\s*,\\s*\"end\"\\s*:\\s*\"([0-9-]+)\"")
                .matcher(definition);
        if (!period.find()) {
            throw new IllegalStateException("no period in " + definition);
        }
        LocalDate start = LocalDate.parse(period.group(1));
        int days = (int) (LocalDate.parse(period.group(2)).toEpochDay() - start.toEpochDay() + 1);
        String daysPath = base + "/api/v1/chronicles/" + chronicle + "/days";
        Random random = new Random(42);

        long until = System.nanoTime() + budget / 3;
        int warmed = 0;
        for (; warmed < Math.min(requests, 300) && System.nanoTime() < until; warmed++) {
            expect200(get(daysPath + "/" + start.plusDays(random.nextInt(days)), DAY_TIMEOUT));
        }
        write(out, "detail.query_days_in_period=%d%ndetail.query_warm_up_n=%d%n", days, warmed);
        System.out.println("after " + warmed + " unmeasured day reads:");

        Series day = new Series("day");
        until = System.nanoTime() + budget;
        for (int i = 0; i < requests && System.nanoTime() < until; i++) {
            day.add(timed(daysPath + "/" + start.plusDays(random.nextInt(days)), DAY_TIMEOUT));
        }
        System.out.println(day.line());
        write(out, "query_day_p50_ms=%.2f%nquery_day_p99_ms=%.2f%ndetail.query_day_n=%d%ndetail.query_day_max_ms=%.2f%n"
                        + "detail.query_day_mean_bytes=%.0f%n",
                day.percentile(50), day.percentile(99), day.samples.size(), day.percentile(100), day.meanBytes());

        Series asKnownAt = new Series("day?asKnownAt");
        long span = Math.max(1, to.toEpochMilli() - from.toEpochMilli());
        until = System.nanoTime() + budget;
        for (int i = 0; i < requests && System.nanoTime() < until; i++) {
            Instant at = from.plusMillis((long) (random.nextDouble() * span));
            asKnownAt.add(timed(daysPath + "/" + start.plusDays(random.nextInt(days)) + "?asKnownAt=" + at, DAY_TIMEOUT));
        }
        System.out.println(asKnownAt.line());
        write(out, "query_day_asknownat_p50_ms=%.2f%nquery_day_asknownat_p99_ms=%.2f%ndetail.query_day_asknownat_n=%d%n"
                        + "detail.query_day_asknownat_max_ms=%.2f%n",
                asKnownAt.percentile(50), asKnownAt.percentile(99), asKnownAt.samples.size(), asKnownAt.percentile(100));

        // The list of days reads every table once for the whole period; in a large chronicle it may
        // not answer within the patience given it, which is then the figure.
        Duration patience = Duration.ofNanos(Math.max(budget * 2, Duration.ofMinutes(5).toNanos()));
        Series list = new Series("days");
        try {
            if (lists > 1) {
                expect200(get(daysPath, patience));
            }
            for (int i = 0; i < lists; i++) {
                list.add(timed(daysPath, patience));
            }
        } catch (java.net.http.HttpTimeoutException e) {
            System.out.println("days           no answer within " + patience.toSeconds() + " s");
            write(out, "detail.days_list_unanswered_after_seconds=%d%nnote.5=The list of days did not answer within %d s.%n",
                    patience.toSeconds(), patience.toSeconds());
            return;
        }
        System.out.println(list.line());
        write(out, "days_list_ms=%.2f%ndetail.days_list_n=%d%ndetail.days_list_max_ms=%.2f%ndetail.days_list_bytes=%.0f%n",
                list.percentile(50), list.samples.size(), list.percentile(100), list.meanBytes());
    }

    /** Appends figures to the properties file at once, so that a later failure keeps them. */
    private static void write(Path out, String format, Object... args) throws IOException {
        Files.writeString(out, String.format(Locale.ROOT, format, args), StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    private static Sample timed(String url, Duration patience) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = expect200(get(url, patience));
        return new Sample((System.nanoTime() - start) / 1e6, response.body().length());
    }

    private static HttpResponse<String> get(String url, Duration patience) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(patience).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> expect200(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException(response.uri() + ": " + response.statusCode() + " " + response.body());
        }
        return response;
    }

    record Sample(double millis, int bytes) {
    }

    static final class Series {
        final String name;
        final List<Sample> samples = new ArrayList<>();

        Series(String name) {
            this.name = name;
        }

        void add(Sample sample) {
            samples.add(sample);
        }

        double percentile(double p) {
            double[] sorted = samples.stream().mapToDouble(Sample::millis).sorted().toArray();
            return sorted[Math.max(0, (int) Math.ceil(p / 100 * sorted.length) - 1)];
        }

        double meanBytes() {
            return samples.stream().mapToInt(Sample::bytes).average().orElse(0);
        }

        String line() {
            return String.format(Locale.ROOT, "%-14s n=%d p50=%.1f ms p99=%.1f ms max=%.1f ms, mean body %.0f bytes",
                    name, samples.size(), percentile(50), percentile(99), percentile(100), meanBytes());
        }
    }
}
