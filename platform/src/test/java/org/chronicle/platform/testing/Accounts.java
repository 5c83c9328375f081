package org.chronicle.platform.testing;

import java.util.Map;
import java.util.UUID;

/** The administrator that tests start every service with, and the settings that give it. */
public final class Accounts {

    /** Made anew for each test JVM, for the services it starts on the databases it creates. */
    public static final String ADMIN_PASSWORD = "t-" + UUID.randomUUID();

    private Accounts() {
    }

    /** The environment for a service started as a process. */
    public static Map<String, String> environment(String databaseUrl) {
        return databaseUrl == null ? Map.of("CHRONICLE_ADMIN_PASSWORD", ADMIN_PASSWORD)
                : Map.of("CHRONICLE_DB_URL", databaseUrl, "CHRONICLE_ADMIN_PASSWORD", ADMIN_PASSWORD);
    }
}
