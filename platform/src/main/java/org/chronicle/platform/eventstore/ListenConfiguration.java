package org.chronicle.platform.eventstore;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Events that another process appends, read at once instead of at the next poll: on PostgreSQL,
 * unless {@code chronicle.events.listen=false}, an {@link AppendListener} hears the store's
 * {@code NOTIFY chronicle_events}, makes the event store fetch, and wakes the streaming processors
 * that read through the {@link WakingEventSource}. The fetch delay remains the fallback. Imported
 * by the side that runs streaming processors; H2 (one process, where a local commit wakes the
 * store) has no such path.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(SwitchedOnPostgres.Listening.class)
public class ListenConfiguration {

    /** What a caught-up pooled streaming processor waits, on its own, before it looks again. */
    static final Duration RECHECK = Duration.ofMillis(500);
    /**
     * The longest a woken stream waits for the store to fetch what a notification announced. The
     * fetch takes milliseconds; on a busy machine more than a short fetch delay, and a stream that
     * gave up would not look again until the next {@link #RECHECK}. Waiting costs nothing else: the
     * wait ends as soon as an event arrives.
     */
    private static final Duration PATIENCE = Duration.ofSeconds(1);

    @Bean
    WakingEventSource wakingEventSource(WakeableEventStore eventStore) {
        return new WakingEventSource(eventStore, PATIENCE);
    }

    @Bean
    AppendListener appendListener(DataSourceProperties dataSource, WakeableEventStore eventStore,
                                  WakingEventSource source) {
        return new AppendListener(connector(dataSource, AppendListener.APPLICATION_NAME), () -> {
            eventStore.fetchNow();
            source.appended();
        }, source::recheck, RECHECK);
    }

    /**
     * A connection of its own, outside the pool, which the listener would otherwise hold forever
     * and where the notifier's settings would not stay its own.
     */
    static AppendListener.Connector connector(DataSourceProperties dataSource, String applicationName) {
        String url = dataSource.determineUrl();
        Properties info = new Properties();
        if (dataSource.determineUsername() != null) {
            info.setProperty("user", dataSource.determineUsername());
        }
        if (dataSource.determinePassword() != null) {
            info.setProperty("password", dataSource.determinePassword());
        }
        info.setProperty("ApplicationName", applicationName);
        info.setProperty("tcpKeepAlive", "true");
        return () -> {
            Connection connection = new org.postgresql.Driver().connect(url, info);
            if (connection == null) {
                throw new SQLException("Not a PostgreSQL URL: " + url);
            }
            return connection;
        };
    }
}
