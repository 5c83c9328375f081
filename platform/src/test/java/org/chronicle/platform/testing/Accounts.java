package org.chronicle.platform.testing;

import java.util.Map;

/** The administrator that tests start every service with, and the settings that give it. */
public final class Accounts {

    /** Used only by tests, against services they start themselves on databases they create. */
    public static final String ADMIN_PASSWORD = "test-only-administrator";

    private Accounts() {
    }

    /** The environment for a service started as a process. */
    public static Map<String, String> environment(String databaseUrl) {
        return databaseUrl == null ? Map.of("CHRONICLE_ADMIN_PASSWORD", ADMIN_PASSWORD)
                : Map.of("CHRONICLE_DB_URL", databaseUrl, "CHRONICLE_ADMIN_PASSWORD", ADMIN_PASSWORD);
    }
}
