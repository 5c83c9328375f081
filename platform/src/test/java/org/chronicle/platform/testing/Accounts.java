package org.chronicle.platform.testing;

import java.util.Map;
import org.springframework.test.context.DynamicPropertyRegistry;

/** The administrator that tests start every service with, and the settings that give it. */
public final class Accounts {

    /** Used only by tests, against services they start themselves on databases they create. */
    public static final String ADMIN_PASSWORD = "test-only-administrator";

    private Accounts() {
    }

    /**
     * Settings for a service started in the test's JVM: its database, its administrator, and a
     * small pool, since one test JVM holds several services at once on one PostgreSQL.
     */
    public static void register(DynamicPropertyRegistry registry, String databaseUrl) {
        registry.add("spring.datasource.url", () -> databaseUrl);
        registry.add("spring.datasource.hikari.maximum-pool-size", () -> "4");
        registry.add("chronicle.admin.password", () -> ADMIN_PASSWORD);
    }

    /** The environment for a service started as a process. */
    public static Map<String, String> environment(String databaseUrl) {
        return databaseUrl == null ? Map.of("CHRONICLE_ADMIN_PASSWORD", ADMIN_PASSWORD)
                : Map.of("CHRONICLE_DB_URL", databaseUrl, "CHRONICLE_ADMIN_PASSWORD", ADMIN_PASSWORD);
    }
}
