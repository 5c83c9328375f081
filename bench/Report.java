import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Turns the figures run.sh collected (a properties file) into bench/results/latest.json, a dated
 * copy, the Markdown table (bench/results/latest.md, printed too), and, given BENCHMARKS.md, the
 * table of the run's mode in it, between the markers {@code <!-- run.sh MODE -->} and
 * {@code <!-- /run.sh MODE -->} (added at the end when missing).
 *
 *   java bench/Report.java FIGURES.properties RESULTS_DIR [BENCHMARKS.md]
 */
public class Report {

    private final Properties p = new Properties();

    public static void main(String[] args) throws Exception {
        Report report = new Report();
        try (Reader in = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
            report.p.load(in);
        }
        Path results = Path.of(args[1]);
        String json = report.json();
        String table = report.markdown();
        Files.writeString(results.resolve("latest.json"), json);
        Files.writeString(results.resolve(report.get("stamp") + "-" + report.get("mode") + ".json"), json);
        Files.writeString(results.resolve("latest.md"), table);
        System.out.println(table);
        if (args.length > 2) {
            report.keep(Path.of(args[2]), table);
        }
    }

    private String get(String key) {
        String value = p.getProperty(key);
        return value == null || value.isBlank() ? null : value.trim();
    }

    private Double number(String key) {
        String value = get(key);
        return value == null ? null : Double.valueOf(value);
    }

    private Double ratio(String key) {
        Double rate = number(key + ".rate");
        Double limit = number(key + ".limit");
        return rate == null || limit == null || limit == 0 ? null : rate / limit;
    }

    /** An append's rate against the HTTP stack's own ceiling, measured in the same run. */
    private Double stackRatio(String key) {
        Double rate = number(key + ".rate");
        Double limit = number(key + ".stack_limit");
        return rate == null || limit == null || limit == 0 ? null : rate / limit;
    }

    private static String num(Double value, int decimals) {
        return value == null ? "null" : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    private static String str(String value) {
        return value == null ? "null" : "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    // ---- targets ----

    private record Target(String key, String text, Boolean met) {
    }

    private List<Target> targets() {
        List<Target> targets = new ArrayList<>();
        targets.add(new Target("append_1", "stack_ratio >= 0.5", atLeast(stackRatio("append_1"), 0.5)));
        targets.add(new Target("append_16", "stack_ratio >= 0.5", atLeast(stackRatio("append_16"), 0.5)));
        targets.add(new Target("import", "ratio >= 0.3", atLeast(ratio("import"), 0.3)));
        Boolean rebuildRate = atLeast(number("rebuild.rate"), 100_000);
        Boolean rebuildRatio = atLeast(ratio("rebuild"), 0.25);
        targets.add(new Target("rebuild", ">= 100,000 events/s and ratio >= 0.25",
                rebuildRate == null || rebuildRatio == null ? null : rebuildRate && rebuildRatio));
        targets.add(new Target("query_day_p99_ms", "<= 10 ms", atMost(number("query_day_p99_ms"), 10)));
        targets.add(new Target("query_day_asknownat_p99_ms", "<= 10 ms", atMost(number("query_day_asknownat_p99_ms"), 10)));
        targets.add(new Target("visible_p99_ms", "<= 100 ms", atMost(number("visible_p99_ms"), 100)));
        Double heap = max(number("heap_peak_mb.command_side"), number("heap_peak_mb.query_side"));
        targets.add(new Target("heap_peak_mb", "every process within -Xmx512m",
                heap == null ? null : heap <= 512 && !"false".equals(get("processes_survived"))));
        return targets;
    }

    private static Boolean atLeast(Double value, double bound) {
        return value == null ? null : value >= bound;
    }

    private static Boolean atMost(Double value, double bound) {
        return value == null ? null : value <= bound;
    }

    private static Double max(Double a, Double b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return Math.max(a, b);
    }

    // ---- JSON ----

    private String pair(String key) {
        String stack = get(key + ".stack_limit") == null ? "" : ", \"stack_limit\": %s, \"stack_ratio\": %s".formatted(
                num(number(key + ".stack_limit"), 1), num(stackRatio(key), 4));
        return "{\"rate\": %s, \"limit\": %s, \"ratio\": %s%s}".formatted(num(number(key + ".rate"), 1),
                num(number(key + ".limit"), 1), num(ratio(key), 4), stack);
    }

    String json() {
        StringBuilder out = new StringBuilder("{\n");
        for (String key : List.of("append_1", "append_16", "import", "rebuild")) {
            out.append("  \"").append(key).append("\": ").append(pair(key)).append(",\n");
        }
        for (String key : List.of("query_day_p50_ms", "query_day_p99_ms", "query_day_asknownat_p50_ms",
                "query_day_asknownat_p99_ms", "days_list_ms", "visible_p50_ms", "visible_p99_ms")) {
            out.append("  \"").append(key).append("\": ").append(num(number(key), 1)).append(",\n");
        }
        out.append("  \"cpu_seconds\": ").append(str(cpuByStage().isEmpty() ? null : cpuByStage())).append(",\n");
        out.append("  \"heap_peak_mb\": {\"command_side\": %s, \"query_side\": %s},\n".formatted(
                num(number("heap_peak_mb.command_side"), 0), num(number("heap_peak_mb.query_side"), 0)));
        out.append("  \"targets\": {");
        List<Target> targets = targets();
        for (int i = 0; i < targets.size(); i++) {
            Target t = targets.get(i);
            out.append(i == 0 ? "\n" : ",\n").append("    \"%s\": {\"target\": %s, \"met\": %s}"
                    .formatted(t.key(), str(t.text()), t.met() == null ? "null" : t.met()));
        }
        out.append("\n  },\n");
        out.append("  \"run\": {\n");
        out.append("    \"mode\": %s, \"command\": %s, \"date\": %s, \"seconds\": %s,\n".formatted(str(get("mode")),
                str(get("command")), str(get("date")), num(number("duration_seconds"), 0)));
        out.append("    \"machine\": {\"cpu\": %s, \"cores\": %s, \"ram_gib\": %s, \"load_average_at_start\": %s, \"os\": %s, \"postgresql\": %s, \"java\": %s},\n"
                .formatted(str(get("machine.cpu")), get("machine.cores"), get("machine.ram_gib"),
                        str(get("machine.load_at_start")), str(get("machine.os")), str(get("machine.postgresql")),
                        str(get("machine.java"))));
        out.append("    \"scale\": {\"reports\": %s, \"imported\": %s, \"seeded_by_sql\": %s, \"events\": %s, \"requests\": %s, \"append_rounds\": %s, \"append_seconds\": %s, \"visible_reports\": %s},\n"
                .formatted(get("scale.reports"), get("scale.imported"), get("scale.seeded"), get("rebuild.events"),
                        get("scale.requests"), get("scale.rounds"), get("scale.append_seconds"), get("scale.visible")));
        out.append("    \"stage_seconds\": ").append(object("stage.", "_seconds")).append(",\n");
        out.append("    \"details\": ").append(object("detail.", "")).append(",\n");
        out.append("    \"notes\": [");
        List<String> notes = notes();
        for (int i = 0; i < notes.size(); i++) {
            out.append(i == 0 ? "\n" : ",\n").append("      ").append(str(notes.get(i)));
        }
        out.append("\n    ]\n  }\n}\n");
        return out.toString();
    }

    /** The properties under {@code prefix}, as one JSON object; numbers stay numbers. */
    private String object(String prefix, String suffix) {
        List<String> keys = p.stringPropertyNames().stream().filter(k -> k.startsWith(prefix)).sorted().toList();
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < keys.size(); i++) {
            String value = get(keys.get(i));
            String name = keys.get(i).substring(prefix.length());
            name = name.endsWith(suffix) ? name.substring(0, name.length() - suffix.length()) : name;
            boolean numeric = value != null && value.matches("-?[0-9]+(\\.[0-9]+)?");
            out.append(i == 0 ? "\n" : ",\n").append("      ").append(str(name)).append(": ")
                    .append(numeric ? value : str(value));
        }
        return out.append(keys.isEmpty() ? "}" : "\n    }").toString();
    }

    /** Each stage's CPU seconds by process, in the order the run takes them. */
    private String cpuByStage() {
        return List.of("append", "import", "seed", "rebuild", "visible", "reads").stream()
                .filter(stage -> get("cpu_seconds." + stage) != null)
                .map(stage -> stage + ": " + get("cpu_seconds." + stage))
                .reduce((a, b) -> a + "; " + b).orElse("");
    }

    private List<String> notes() {
        return p.stringPropertyNames().stream().filter(k -> k.startsWith("note.")).sorted().map(this::get).toList();
    }

    // ---- Markdown ----

    private String met(String key) {
        return targets().stream().filter(t -> t.key().equals(key)).findFirst()
                .map(t -> t.text() + (t.met() == null ? " (not measured)" : t.met() ? ": met" : ": **missed**"))
                .orElse("");
    }

    String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("`%s` on %s, %s.\n\n".formatted(get("command"), get("date"), get("mode").equals("quick")
                ? "the quick run" : "the full run"));
        out.append("Machine: %s, %s cores, %s GiB RAM (load average %s at the start), %s, PostgreSQL %s, Java %s. "
                .formatted(get("machine.cpu"), get("machine.cores"), get("machine.ram_gib"), get("machine.load_at_start"),
                        get("machine.os"), get("machine.postgresql"), get("machine.java")));
        out.append("Store: %s reports (%s imported through the API%s), %s events. The run took %s s.\n\n".formatted(
                grouped(get("scale.reports")), grouped(get("scale.imported")),
                "0".equals(get("scale.seeded")) ? "" : ", " + grouped(get("scale.seeded")) + " seeded by SQL",
                grouped(get("rebuild.events")), num(number("duration_seconds"), 0)));
        out.append("| key | measured | its limit, same run | ratio | target |\n|---|---|---|---|---|\n");
        row(out, "append_1", "reports/s, 1 client", "inserts/s, pgbench, 1 client", 0);
        stackRow(out, "append_1", "1 client");
        row(out, "append_16", "reports/s, 16 clients", "inserts/s, pgbench, 16 clients", 0);
        stackRow(out, "append_16", "16 clients");
        row(out, "import", "rows/s of the file", "rows/s, INSERT ... SELECT", 0);
        row(out, "rebuild", "events/s, every projection", "events/s, JDBC + Jackson, 1 thread", 0);
        single(out, "query_day_p50_ms", "ms, GET of a random day, p50 of " + get("detail.query_day_n"), "");
        single(out, "query_day_p99_ms", "ms, p99", met("query_day_p99_ms"));
        single(out, "query_day_asknownat_p99_ms", "ms, with a random asKnownAt, p99 of " + get("detail.query_day_asknownat_n")
                + " (p50 " + num(number("query_day_asknownat_p50_ms"), 1) + ")", met("query_day_asknownat_p99_ms"));
        if (get("days_list_ms") == null && get("detail.days_list_unanswered_after_seconds") != null) {
            out.append("| days_list_ms | no answer within %s s: the list of all %s days | | | |\n".formatted(
                    get("detail.days_list_unanswered_after_seconds"), get("detail.query_days_in_period")));
        } else {
            single(out, "days_list_ms", "ms, the list of all " + get("detail.query_days_in_period") + " days, p50 of "
                    + get("detail.days_list_n"), "");
        }
        single(out, "visible_p99_ms", "ms, command side's 201 to the query side's answer, p99 (p50 "
                + num(number("visible_p50_ms"), 1) + ")", met("visible_p99_ms"));
        out.append("| heap_peak_mb | command side %s MB, query side %s MB (of -Xmx512m) | | | %s |\n".formatted(
                num(number("heap_peak_mb.command_side"), 0), num(number("heap_peak_mb.query_side"), 0), met("heap_peak_mb")));
        String cpu = cpuByStage();
        if (!cpu.isEmpty()) {
            out.append("\nCPU seconds by stage: ").append(cpu).append(".\n");
        }
        List<String> notes = notes();
        if (!notes.isEmpty()) {
            out.append("\n");
            notes.forEach(n -> out.append("- ").append(n).append("\n"));
        }
        return out.toString();
    }

    private void row(StringBuilder out, String key, String rateUnit, String limitUnit, int decimals) {
        out.append("| %s | %s %s | %s %s | %s | %s |\n".formatted(key, grouped(num(number(key + ".rate"), decimals)),
                rateUnit, grouped(num(number(key + ".limit"), decimals)), limitUnit, num(ratio(key), 3),
                get(key + ".stack_limit") == null ? met(key) : "reported beside"));
    }

    /** The same rate against the HTTP stack's ceiling (stack_limit_N), where the run measured it. */
    private void stackRow(StringBuilder out, String key, String clients) {
        if (get(key + ".stack_limit") == null) {
            return;
        }
        out.append("| %s.stack_ratio | the same | %s requests/s, the HTTP stack and one INSERT, %s (stack_limit) | %s | %s |\n"
                .formatted(key, grouped(num(number(key + ".stack_limit"), 0)), clients, num(stackRatio(key), 3), met(key)));
    }

    private void single(StringBuilder out, String key, String what, String target) {
        out.append("| %s | %s %s | | | %s |\n".formatted(key, num(number(key), 1), what, target));
    }

    private static String grouped(String number) {
        if (number == null || !number.matches("[0-9]+")) {
            return number;
        }
        return String.format(Locale.ROOT, "%,d", Long.parseLong(number));
    }

    // ---- BENCHMARKS.md ----

    void keep(Path benchmarks, String table) throws IOException {
        String begin = "<!-- run.sh " + get("mode") + " -->";
        String end = "<!-- /run.sh " + get("mode") + " -->";
        String text = Files.exists(benchmarks) ? Files.readString(benchmarks) : "# Benchmarks\n";
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        String block = begin + "\n" + table + end;
        if (from >= 0 && to > from) {
            text = text.substring(0, from) + block + text.substring(to + end.length());
        } else {
            text = text + (text.endsWith("\n") ? "\n" : "\n\n") + block + "\n";
        }
        Files.writeString(benchmarks, text);
    }
}
