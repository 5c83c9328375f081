package org.chronicle.platform.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

/**
 * A real PostgreSQL database of its own for each test class, so that tests never see each other's
 * events. The server is a Testcontainers {@link PostgreSQLContainer} where Docker answers, and
 * otherwise the server named by {@code CHRONICLE_TEST_DB_URL} (a database on it that a role with
 * CREATEDB can connect to). Databases are dropped when the test JVM ends.
 */
public final class TestDatabase {

    public static final String ENV = "CHRONICLE_TEST_DB_URL";
    private static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";
    private static final Pattern URL = Pattern.compile("(jdbc:postgresql://[^/]+/)([^?]*)(\\?.*)?");
    private static final AtomicInteger counter = new AtomicInteger();
    private static volatile String serverUrl;

    private TestDatabase() {
    }

    /** Creates an empty database and answers its JDBC URL, user and password included. */
    public static String create(String hint) {
        String server = server();
        String name = newName(hint);
        execute(server, "CREATE DATABASE " + name);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(server, name)));
        return withDatabase(server, name);
    }

    private static String newName(String hint) {
        String base = hint.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
        return "chronicle_t_" + base.substring(0, Math.min(30, base.length()))
                + "_" + ProcessHandle.current().pid() + "_" + counter.incrementAndGet();
    }

    public static String create(Class<?> testClass) {
        return create(testClass.getSimpleName());
    }

    /**
     * Creates a copy of the database at {@code databaseUrl} (one of {@link #create}'s) and answers
     * its URL. PostgreSQL copies a database only while no one is connected to it.
     */
    public static String copy(String databaseUrl, String hint) {
        Matcher m = URL.matcher(databaseUrl);
        if (!m.matches()) {
            throw new IllegalArgumentException("Not a PostgreSQL JDBC URL: " + databaseUrl);
        }
        String server = server();
        String name = newName(hint);
        execute(server, "CREATE DATABASE " + name + " TEMPLATE " + m.group(2));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(server, name)));
        return withDatabase(server, name);
    }

    /** The URL of the server's administrative database: where databases are created. */
    public static synchronized String server() {
        if (serverUrl == null) {
            serverUrl = dockerAnswers() ? startContainer() : configured();
        }
        return serverUrl;
    }

    private static boolean dockerAnswers() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    @SuppressWarnings("resource") // lives as long as the test JVM; Testcontainers' reaper removes it
    private static String startContainer() {
        PostgreSQLContainer<?> postgres = new PostgreSQLContainer<>("postgres:15-alpine");
        postgres.start();
        return postgres.getJdbcUrl() + "?user=" + postgres.getUsername() + "&password=" + postgres.getPassword();
    }

    private static String configured() {
        String url = System.getenv(ENV);
        if (url == null || url.isBlank()) {
            url = System.getProperty(ENV, DEFAULT_URL);
        }
        return url;
    }

    static String withDatabase(String url, String database) {
        Matcher m = URL.matcher(url);
        if (!m.matches()) {
            throw new IllegalArgumentException(ENV + " is not a PostgreSQL JDBC URL: " + url);
        }
        return m.group(1) + database + (m.group(3) == null ? "" : m.group(3));
    }

    private static void drop(String server, String name) {
        try {
            execute(server, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (RuntimeException ignored) {
            // The JVM is ending; a database left behind is harmless and named for its test.
        }
    }

    private static void execute(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL for tests is not reachable at " + url
                    + " (set " + ENV + " or start Docker): " + e.getMessage(), e);
        }
    }
}
