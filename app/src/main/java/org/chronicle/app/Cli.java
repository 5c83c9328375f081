package org.chronicle.app;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * {@code java -jar app.jar replay|import|export|rebuild ...}: the service from a terminal. With
 * {@code --url} it talks to a running service over HTTP (credentials for writes in
 * {@code CHRONICLE_AUTH}, as {@code user:password}); without, it starts the service in its own
 * process on the store named by {@code CHRONICLE_DB_URL} or the embedded default under ./data.
 */
final class Cli {

    static final List<String> COMMANDS = List.of("replay", "import", "export", "rebuild");
    static final String USAGE = """
            Usage:
              replay CHRONICLE [--from DAY] [--to DAY] [--as-known-at INSTANT] [--as-reported-by DAY]
              import FILE --chronicle CHRONICLE --format json|ucdp|acled
              export CHRONICLE [--format json|ucdp|acled] [--out FILE]
              rebuild PROJECTION|all
              account ...                      (see: account --help)
            Every command takes --url URL to work with a running service (writes authenticate with
            CHRONICLE_AUTH=user:password); without it, the service starts in this process on
            CHRONICLE_DB_URL or the embedded store under ./data. --help after a command explains it.
            """;
    private static final Map<String, String> HELP = Map.of(
            "replay", """
                    replay CHRONICLE [--from DAY] [--to DAY] [--as-known-at INSTANT] [--as-reported-by DAY]
                      Prints the battle day by day: the controller of each area (* contested, ~ partial)
                      and the killed per party, that day/cumulative ("+": high unknown, "-": none reported).
                      --as-known-at: what the chronicle held then; --as-reported-by: the news as of that day.
                    """,
            "import", """
                    import FILE --chronicle CHRONICLE --format json|ucdp|acled
                      Records the file's rows; each is judged alone, and a second import records nothing.
                      Prints accepted, refused (with line and reason) and unchanged.
                    """,
            "export", """
                    export CHRONICLE [--format json|ucdp|acled] [--out FILE]
                      json: the whole history, which import reads back; ucdp, acled: the effective reports
                      as rows of those datasets. Written to FILE, or to the standard output.
                    """,
            "rebuild", """
                    rebuild PROJECTION|all
                      Rebuilds a projection (chronicles, casualties, control, reports) from the event store
                      into its other table set, readers switched when it has caught up, with a progress bar.
                    """);

    private final Map<String, String> env;
    private final PrintStream out;
    private final PrintStream err;
    private final Function<Arguments, Service> connect;

    Cli(Map<String, String> env, PrintStream out, PrintStream err) {
        this(env, out, err, arguments -> arguments.option("--url") == null
                ? new EmbeddedService(env.get("CHRONICLE_AUTH"))
                : new RemoteService(arguments.option("--url"), env.get("CHRONICLE_AUTH")));
    }

    Cli(Map<String, String> env, PrintStream out, PrintStream err, Function<Arguments, Service> connect) {
        this.env = env;
        this.out = out;
        this.err = err;
        this.connect = connect;
    }

    /** Runs a command; answers the process's exit code: 0 done, 1 refused by the service, 2 misused. */
    int run(List<String> args) {
        if (args.isEmpty() || args.get(0).equals("--help")) {
            out.print(USAGE);
            return args.isEmpty() ? 2 : 0;
        }
        String command = args.get(0);
        if (!COMMANDS.contains(command)) {
            err.print("Unknown command '" + command + "'.\n" + USAGE);
            return 2;
        }
        Arguments arguments = new Arguments(args.subList(1, args.size()));
        if (arguments.flag("--help")) {
            out.print(HELP.get(command));
            return 0;
        }
        try {
            arguments.expect(command);
        } catch (IllegalArgumentException e) {
            err.print(e.getMessage() + "\n" + HELP.get(command));
            return 2;
        }
        try (Service service = connect.apply(arguments)) {
            switch (command) {
                case "replay" -> replay(service, arguments);
                case "import" -> importFile(service, arguments);
                case "export" -> export(service, arguments);
                default -> rebuild(service, arguments);
            }
            return 0;
        } catch (Service.CliFailure failure) {
            err.println(failure.getMessage());
            return 1;
        }
    }

    private void replay(Service service, Arguments arguments) {
        String chronicle = arguments.positional();
        String asKnownAt = param("asKnownAt", arguments.option("--as-known-at"));
        String days = param("from", arguments.option("--from")) + param("to", arguments.option("--to"))
                + asKnownAt + param("asReportedBy", arguments.option("--as-reported-by"));
        JsonNode definition = service.get("/api/v1/chronicles/" + chronicle + "?" + service.consistency() + asKnownAt);
        JsonNode replay = service.get("/api/v1/chronicles/" + chronicle + "/replay?" + days);
        ReplayTable.lines(definition, replay).forEach(out::println);
    }

    private void importFile(Service service, Arguments arguments) {
        Path file = Path.of(arguments.positional());
        if (!Files.isReadable(file)) {
            throw new Service.CliFailure("Cannot read " + file);
        }
        JsonNode result;
        try (ProgressBar bar = bar("Importing")) {
            result = service.importFile(arguments.option("--chronicle"), arguments.option("--format"), file,
                    (done, total) -> {
                        bar.maxHint(total);
                        bar.stepTo(done);
                    });
        }
        out.printf("accepted %d, refused %d, unchanged %d%n", result.path("accepted").asLong(),
                result.path("refused").asLong(), result.path("unchanged").asLong());
        result.path("refusals").forEach(refusal -> out.printf("  line %d (%s): %s%n", refusal.path("line").asInt(),
                refusal.path("reportId").asText("-"), refusal.path("reason").asText()));
        if (result.hasNonNull("error")) {
            throw new Service.CliFailure(result.path("error").asText());
        }
    }

    private void export(Service service, Arguments arguments) {
        String format = arguments.option("--format") == null ? "json" : arguments.option("--format");
        String text = service.getText("/api/v1/chronicles/" + arguments.positional() + "/export?format=" + format);
        String target = arguments.option("--out");
        if (target == null) {
            out.print(text);
            return;
        }
        try {
            Files.writeString(Path.of(target), text);
            err.println("Written to " + target);
        } catch (java.io.IOException e) {
            throw new Service.CliFailure("Cannot write " + target + ": " + e.getMessage());
        }
    }

    private void rebuild(Service service, Arguments arguments) {
        String name = arguments.positional();
        List<String> projections = name.equals("all")
                ? List.of("chronicles", "casualties", "control", "reports") : List.of(name);
        for (String projection : projections) {
            service.rebuild(projection);
            try (ProgressBar bar = bar("Rebuilding " + projection)) {
                while (true) {
                    JsonNode state = state(service, projection);
                    bar.maxHint(state.path("headPosition").asLong());
                    bar.stepTo(state.path("position").asLong());
                    if (!state.path("replaying").asBoolean()) {
                        break;
                    }
                    pause();
                }
            }
            out.println(projection + ": rebuilt, readers now use its " + state(service, projection).path("activeSet")
                    .asText() + " tables");
        }
    }

    private static JsonNode state(Service service, String projection) {
        for (JsonNode state : service.get("/api/v1/admin/projections")) {
            if (state.path("name").asText().equals(projection)) {
                return state;
            }
        }
        throw new Service.CliFailure("No projection '" + projection + "'");
    }

    private ProgressBar bar(String task) {
        return new ProgressBarBuilder().setTaskName(task).setStyle(ProgressBarStyle.ASCII).setInitialMax(-1)
                .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(err)).build();
    }

    private static String param(String name, String value) {
        return value == null ? "" : name + "=" + java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8)
                + "&";
    }

    private static void pause() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Service.CliFailure("Interrupted");
        }
    }

    /** A command's arguments: one positional value and {@code --name value} options. */
    static final class Arguments {
        private final List<String> args;

        Arguments(List<String> args) {
            this.args = args;
        }

        String option(String name) {
            int at = args.indexOf(name);
            return at >= 0 && at + 1 < args.size() ? args.get(at + 1) : null;
        }

        boolean flag(String name) {
            return args.contains(name);
        }

        String positional() {
            for (int i = 0; i < args.size(); i++) {
                if (args.get(i).startsWith("--")) {
                    i++;
                } else {
                    return args.get(i);
                }
            }
            return null;
        }

        void expect(String command) {
            if (positional() == null) {
                throw new IllegalArgumentException(command + " needs " + switch (command) {
                    case "import" -> "the FILE to import";
                    case "rebuild" -> "a projection's name, or all";
                    default -> "the CHRONICLE's id";
                });
            }
            if (command.equals("import") && (option("--chronicle") == null || option("--format") == null)) {
                throw new IllegalArgumentException("import needs --chronicle and --format");
            }
        }
    }
}
