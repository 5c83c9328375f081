package org.chronicle.app;

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
        Launch.run(ChronicleApp.class, args);
    }
}
