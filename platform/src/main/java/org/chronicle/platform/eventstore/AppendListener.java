package org.chronicle.platform.eventstore;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Listens on PostgreSQL for the {@code NOTIFY chronicle_events} that a writer sends once its
 * events are committed ({@link AppendNotifier}), on a connection of its own outside the pool, in a
 * daemon thread. Each notification runs {@code onAppended}; each stretch of
 * {@code quiet} without one runs {@code onQuiet}, also while the connection is down. A lost
 * connection is opened again after a pause that doubles up to {@link #MAX_BACKOFF}, and
 * {@code onAppended} runs once it is back, for what was appended meanwhile.
 */
public class AppendListener implements SmartLifecycle {

    public static final String CHANNEL = "chronicle_events";
    /** The listener's connection carries this application_name, which shows in pg_stat_activity. */
    public static final String APPLICATION_NAME = "chronicle-events-listener";

    static final Duration MIN_BACKOFF = Duration.ofMillis(250);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(10);
    /** A quiet connection may have died without a word: it is asked for a sign of life this often. */
    private static final Duration CHECK_EVERY = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(AppendListener.class);

    /** Opens the listener's connection. */
    @FunctionalInterface
    public interface Connector {
        Connection connect() throws SQLException;
    }

    private final Connector connector;
    private final Runnable onAppended;
    private final Runnable onQuiet;
    private final Duration quiet;
    private volatile boolean running;
    private volatile Thread thread;
    private volatile Connection connection;

    public AppendListener(Connector connector, Runnable onAppended, Runnable onQuiet, Duration quiet) {
        this.connector = connector;
        this.onAppended = onAppended;
        this.onQuiet = onQuiet;
        this.quiet = quiet;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::run, APPLICATION_NAME);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        Thread listening = thread;
        thread = null;
        if (listening != null) {
            listening.interrupt();
            closeQuietly(connection);
            try {
                listening.join(Duration.ofSeconds(5).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        Duration backoff = MIN_BACKOFF;
        boolean lost = false;
        while (running) {
            try (Connection listening = connector.connect()) {
                connection = listening;
                try (Statement statement = listening.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                if (lost) {
                    log.info("Listening on {} again", CHANNEL);
                } else {
                    log.info("Listening on {}: events appended by other processes are read at once", CHANNEL);
                }
                lost = false;
                backoff = MIN_BACKOFF;
                onAppended.run();
                listen(listening);
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    break;
                }
                log.warn("Not listening on {} ({}); events from other processes are polled; trying again in {} ms",
                        CHANNEL, e.getMessage(), backoff.toMillis());
                lost = true;
                if (!pause(backoff)) {
                    break;
                }
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            } finally {
                connection = null;
            }
        }
        log.debug("Stopped listening on {}", CHANNEL);
    }

    private void listen(Connection listening) throws SQLException {
        PGConnection pg = listening.unwrap(PGConnection.class);
        int timeout = (int) Math.max(1, quiet.toMillis());
        long nextCheck = System.nanoTime() + CHECK_EVERY.toNanos();
        while (running) {
            PGNotification[] notifications = pg.getNotifications(timeout);
            if (notifications != null && notifications.length > 0) {
                onAppended.run();
            } else {
                onQuiet.run();
                if (System.nanoTime() > nextCheck) {
                    try (Statement statement = listening.createStatement()) {
                        statement.execute("SELECT 1");
                    }
                    nextCheck = System.nanoTime() + CHECK_EVERY.toNanos();
                }
            }
        }
    }

    /** Sleeps for {@code duration}, running {@code onQuiet} at its usual pace; false once stopped. */
    private boolean pause(Duration duration) {
        long deadline = System.nanoTime() + duration.toNanos();
        try {
            while (running) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return true;
                }
                Thread.sleep(Math.max(1, Math.min(quiet.toMillis(), Duration.ofNanos(left).toMillis())));
                onQuiet.run();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException | RuntimeException ignored) {
                // Closing is only to end a blocking wait; the thread ends either way.
            }
        }
    }
}
