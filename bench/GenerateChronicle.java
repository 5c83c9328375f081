import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Writes a chronicle file of our own format ({@code chronicle/1}) for import benchmarks: one
 * chronicle of 1,000 days (2012-01-01 to 2014-09-26), 20 provinces holding 200 districts, two
 * sides (government, insurgents) beside civilians and unknown, and REPORTS reports in the districts:
 *
 * <ul>
 *   <li>2% are period claims over 3 to 8 days (n % 50 == 11), 1% CONTROL_CHANGE (n % 100 == 3),
 *       2% CLASH (n % 50 == 7), the rest dated CASUALTIES reports;</li>
 *   <li>5% are corrected (n % 20 == 0) and 1% retracted (n % 100 == 37), each such event
 *       recorded about a thousand reports after its report.</li>
 * </ul>
 *
 * Every report is a function of its number n alone, so {@code bench/seed-generated.sql} stores the
 * same reports, with the same events, straight into the event table: a run may import the first
 * reports through the API and seed the rest. A file with REPORTS reports has
 * REPORTS + REPORTS/20 + REPORTS/100 rows (about), printed on standard output.
 *
 *   java bench/GenerateChronicle.java REPORTS FILE
 */
public class GenerateChronicle {

    static final LocalDate FIRST = LocalDate.of(2012, 1, 1);
    static final int DAYS = 1_000;
    static final LocalDate LAST = FIRST.plusDays(DAYS - 1);
    static final int AREAS = 200;
    static final int PROVINCES = 20;
    /** A correction or retraction comes this many reports after its report. */
    static final int LATER = 997;

    public static void main(String[] args) throws IOException {
        long reports = Long.parseLong(args[0]);
        long rows = 0;
        try (BufferedWriter out = Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8)) {
            out.write("{\"format\":\"chronicle/1\",\"chronicleId\":\"generated\",\"definition\":");
            out.write(definition());
            out.write(",\"events\":[\n");
            Deque<Long> later = new ArrayDeque<>();
            for (long n = 1; n <= reports; n++) {
                rows += row(out, rows, recorded(n));
                if (n % 20 == 0 || n % 100 == 37) {
                    later.add(n);
                }
                while (!later.isEmpty() && later.peekFirst() + LATER <= n) {
                    rows += row(out, rows, amended(later.pollFirst()));
                }
            }
            while (!later.isEmpty()) {
                rows += row(out, rows, amended(later.pollFirst()));
            }
            out.write("\n]}\n");
        }
        System.out.println(rows);
    }

    private static int row(BufferedWriter out, long before, String json) throws IOException {
        if (before > 0) {
            out.write(",\n");
        }
        out.write(json);
        return 1;
    }

    static String definition() {
        StringBuilder areas = new StringBuilder();
        for (int p = 0; p < PROVINCES; p++) {
            areas.append(areas.length() == 0 ? "" : ",")
                    .append("{\"id\":\"p-%d\",\"name\":\"Province %d\"}".formatted(p, p));
        }
        for (int d = 0; d < AREAS; d++) {
            areas.append(",{\"id\":\"d-%d\",\"name\":\"District %d\",\"parent\":\"p-%d\"}"
                    .formatted(d, d, d / (AREAS / PROVINCES)));
        }
        StringBuilder control = new StringBuilder();
        for (int p = 0; p < PROVINCES; p++) {
            control.append(control.length() == 0 ? "" : ",")
                    .append("{\"area\":\"p-%d\",\"side\":\"%s\"}".formatted(p, p % 4 == 0 ? "insurgents" : "government"));
        }
        return """
                {"name":"Generated chronicle","period":{"start":"%s","end":"%s"},\
                "sides":[{"id":"government","name":"Government"},{"id":"insurgents","name":"Insurgents"}],\
                "areas":[%s],"initialControl":[%s]}""".formatted(FIRST, LAST, areas, control);
    }

    static LocalDate day(long n) {
        return FIRST.plusDays(n * 7919 % DAYS);
    }

    static String area(long n) {
        return "d-" + (n * 37 + n / 1000) % AREAS;
    }

    static String side(long n) {
        return n % 2 == 0 ? "government" : "insurgents";
    }

    static boolean claim(long n) {
        return n % 50 == 11;
    }

    static String type(long n) {
        return n % 100 == 3 ? "CONTROL_CHANGE" : n % 50 == 7 ? "CLASH" : "CASUALTIES";
    }

    /** The report's content; {@code killed} varies its figures (a correction gives new ones). */
    static String content(long n, long killed, LocalDate published) {
        LocalDate day = day(n);
        String type = type(n);
        String when = claim(n)
                ? "\"period\":{\"start\":\"%s\",\"end\":\"%s\"}".formatted(day, claimEnd(n))
                : "\"date\":\"%s\"".formatted(day);
        String casualties;
        if (type.equals("CONTROL_CHANGE")) {
            casualties = "[]";
        } else if (claim(n)) {
            casualties = "[{\"party\":\"civilians\",\"killed\":{\"low\":%d,\"best\":%d,\"high\":%d}},{\"party\":\"unknown\",\"killed\":%d}]"
                    .formatted(killed * 5, killed * 6, killed * 8, killed);
        } else {
            casualties = ("[{\"party\":\"civilians\",\"killed\":%d,\"wounded\":{\"low\":%d,\"best\":%d,\"high\":%d}},"
                    + "{\"party\":\"%s\",\"killed\":{\"low\":%d,\"best\":%d,\"high\":null}}%s]")
                    .formatted(killed, killed * 2, killed * 2, killed * 3, side(n), killed % 3, killed % 3 + 1,
                            n % 4 == 1 ? ",{\"party\":\"unknown\",\"killed\":1}" : "");
        }
        String control = type.equals("CONTROL_CHANGE")
                ? ",\"control\":{\"to\":\"%s\",\"extent\":\"%s\"}".formatted(side(n), n % 3 == 0 ? "FULL" : "PARTIAL")
                : "";
        return ("{\"type\":\"%s\",%s,\"area\":\"%s\",\"summary\":\"Generated report %d\","
                + "\"sources\":[{\"name\":\"Dispatch %d\",\"publisher\":\"Agency\",\"publishedOn\":\"%s\"}],"
                + "\"casualties\":%s%s}")
                .formatted(type, when, area(n), n, n, published, casualties, control);
    }

    static LocalDate claimEnd(long n) {
        LocalDate end = day(n).plusDays(2 + n % 6);
        return end.isAfter(LAST) ? LAST : end;
    }

    /** The day the report's last day is reported, and a correction's source two days later. */
    static LocalDate published(long n) {
        return claim(n) ? claimEnd(n) : day(n);
    }

    static String recorded(long n) {
        return "{\"kind\":\"RECORDED\",\"reportId\":\"g-%d\",\"report\":%s}"
                .formatted(n, content(n, 1 + n % 17, published(n)));
    }

    static String amended(long n) {
        if (n % 20 == 0) {
            LocalDate revised = published(n).plusDays(2);
            revised = revised.isAfter(LAST) ? LAST : revised;
            return ("{\"kind\":\"CORRECTED\",\"reportId\":\"g-%d\",\"reason\":\"Revised toll\","
                    + "\"sources\":[{\"name\":\"Revision %d\",\"publisher\":\"Agency\",\"publishedOn\":\"%s\"}],\"report\":%s}")
                    .formatted(n, n, revised, content(n, 20 + n % 13, published(n)));
        }
        return "{\"kind\":\"RETRACTED\",\"reportId\":\"g-%d\",\"reason\":\"Unfounded\"}".formatted(n);
    }
}
