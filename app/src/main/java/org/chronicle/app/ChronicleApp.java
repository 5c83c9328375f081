package org.chronicle.app;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import org.chronicle.command.CommandSideApplication;
import org.chronicle.platform.launch.Launch;
import org.chronicle.query.QuerySideApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Both sides in one process, for a single machine: an embedded H2 file database under
 * {@code ./data} by default, PostgreSQL when {@code CHRONICLE_DB_URL} names one.
 */
@SpringBootApplication(scanBasePackageClasses = {CommandSideApplication.class, QuerySideApplication.class,
        ChronicleApp.class})
public class ChronicleApp {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("account")) {
            List<String> rest = Arrays.asList(args).subList(1, args.length);
            System.exit(new AccountCommand(System.getenv(), System.out, System.err).run(rest));
        }
        if (args.length > 0 && (Cli.COMMANDS.contains(args[0]) || args[0].equals("--help"))) {
            // The command's output alone goes to the standard output, so that an export can be
            // redirected to a file; whatever the service it starts prints goes to the error stream.
            PrintStream out = System.out;
            System.setOut(System.err);
            System.exit(new Cli(System.getenv(), out, System.err).run(Arrays.asList(args)));
        }
        Launch.run(ChronicleApp.class, args);
    }
}
