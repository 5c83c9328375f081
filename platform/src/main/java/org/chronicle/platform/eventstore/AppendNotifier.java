package org.chronicle.platform.eventstore;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells the processes that read the store that events were appended: {@code NOTIFY
 * chronicle_events} once a transaction that appended has committed, from a daemon thread and a
 * connection of its own with {@code synchronous_commit} off. PostgreSQL holds a cluster-wide lock
 * for NOTIFY from a transaction's commit until its WAL is flushed; sent from the appending
 * transaction (as a trigger did), it made every appending commit wait for the flush of the one
 * before, where they could have shared a flush. Commits that come while a notification is on its
 * way share the next one, so there is at most one in flight.
 *
 * <p>A notification lost with its process or its connection costs only time: readers poll the
 * store as well (the fetch delay), and events written by hand in SQL are found that way.
 */
public class AppendNotifier implements SmartLifecycle {

    /** The notifier's connection carries this application_name, which shows in pg_stat_activity. */
    public static final String APPLICATION_NAME = "chronicle-events-notifier";

    private static final Logger log = LoggerFactory.getLogger(AppendNotifier.class);

    private final AppendListener.Connector connector;
    private final AtomicBoolean pending = new AtomicBoolean();
    private volatile boolean running;
    private volatile Thread thread;
    private Connection connection;

    public AppendNotifier(AppendListener.Connector connector) {
        this.connector = connector;
    }

    /** Notifies once the current transaction commits; at once when there is none. */
    public void appendedInCurrentTransaction() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            appended();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                appended();
            }
        });
    }

    /** Events were committed: a notification is to be sent. */
    public void appended() {
        pending.set(true);
        Thread notifying = thread;
        if (notifying != null) {
            LockSupport.unpark(notifying);
        }
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
        Thread notifying = thread;
        thread = null;
        if (notifying != null) {
            LockSupport.unpark(notifying);
            try {
                notifying.join(Duration.ofSeconds(5).toMillis());
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
        Duration backoff = AppendListener.MIN_BACKOFF;
        while (running) {
            if (!pending.getAndSet(false)) {
                LockSupport.park(this);
                continue;
            }
            try {
                notifyReaders();
                backoff = AppendListener.MIN_BACKOFF;
            } catch (SQLException | RuntimeException e) {
                log.warn("Could not notify {} ({}); readers find the events at their next poll; trying again in {} ms",
                        AppendListener.CHANNEL, e.getMessage(), backoff.toMillis());
                close();
                pending.set(true);
                LockSupport.parkNanos(this, backoff.toNanos());
                backoff = backoff.multipliedBy(2).compareTo(AppendListener.MAX_BACKOFF) > 0
                        ? AppendListener.MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
        close();
    }

    private void notifyReaders() throws SQLException {
        if (connection == null) {
            connection = connector.connect();
            try (Statement statement = connection.createStatement()) {
                // The notification is a hint, not a record: its commit need not wait for the disk.
                statement.execute("SET synchronous_commit = off");
            }
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("NOTIFY " + AppendListener.CHANNEL);
        }
    }

    private void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException | RuntimeException ignored) {
                // A broken connection is dropped either way; the next notification opens another.
            }
            connection = null;
        }
    }
}
