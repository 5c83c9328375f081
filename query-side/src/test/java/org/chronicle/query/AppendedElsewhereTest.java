package org.chronicle.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.DriverManager;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.chronicle.api.Period;
import org.chronicle.api.chronicle.Area;
import org.chronicle.api.chronicle.ChronicleDefined;
import org.chronicle.api.chronicle.ChronicleDefinition;
import org.chronicle.api.chronicle.Side;
import org.chronicle.platform.eventstore.AppendListener;
import org.chronicle.platform.eventstore.AppendNotifier;
import org.chronicle.platform.testing.Http;
import org.chronicle.platform.testing.ServiceTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Events that another process appends are read at once on PostgreSQL: the writer NOTIFYs once
 * they are committed ({@link AppendNotifier}), the query side LISTENs and wakes its processors.
 * The fetch delay here is a minute, so only the notification can make such an event visible
 * within seconds. Here the other process is an event storage engine and a notifier of its own on
 * their own connections, as the command side's would be.
 */
@ServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestPropertySource(properties = "chronicle.events.fetch-delay=60s")
class AppendedElsewhereTest {

    /** Generous: a woken processor takes milliseconds; without the wake-up it takes the minute. */
    private static final Duration PATIENCE = Duration.ofSeconds(5);

    @LocalServerPort
    int port;
    @Autowired
    EventStore events;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;
    @Autowired
    EventSchema schema;
    @Value("${spring.datasource.url}")
    String url;

    Http http;
    EventStorageEngine elsewhere;
    AppendNotifier notifier;

    @BeforeAll
    void setUp() {
        http = Http.local(port);
        elsewhere = JdbcEventStorageEngine.builder()
                .connectionProvider(() -> DriverManager.getConnection(url))
                .transactionManager(NoTransactionManager.INSTANCE)
                .eventSerializer(eventSerializer)
                .snapshotSerializer(eventSerializer)
                .schema(schema)
                .build();
        notifier = new AppendNotifier(() -> DriverManager.getConnection(url));
        notifier.start();
        // Appended in this process: the projections run and have caught up once it shows.
        events.publish(defined("local"));
        assertThat(visibleWithin("local", Duration.ofSeconds(30))).as("the projections run").isTrue();
    }

    @AfterAll
    void stopNotifying() {
        notifier.stop();
    }

    @Test
    void anEventAppendedByAnotherProcessIsProjectedWithoutWaitingForTheFetchDelay() {
        appendElsewhere("elsewhere");

        assertThat(visibleWithin("elsewhere", PATIENCE)).isTrue();
    }

    @Test
    void theListenerListensAgainAfterItsConnectionIsCut() {
        Integer cut = jdbc.queryForObject("""
                SELECT pid FROM pg_stat_activity WHERE application_name = ? AND datname = current_database()""",
                Integer.class, AppendListener.APPLICATION_NAME);
        assertThat(jdbc.queryForObject("SELECT pg_terminate_backend(?)", Boolean.class, cut)).isTrue();
        // The cut backend may show as listening a moment after it was told to end: only another
        // connection counts as listening again.
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!listeningOtherThan(cut) && System.nanoTime() < deadline) {
            pause();
        }
        assertThat(listeningOtherThan(cut)).as("a new listening connection").isTrue();

        appendElsewhere("after-the-cut");

        assertThat(visibleWithin("after-the-cut", PATIENCE)).isTrue();
    }

    /** An append in its own transaction (the engine commits it), then the writer's notification. */
    private void appendElsewhere(String chronicleId) {
        elsewhere.appendEvents(defined(chronicleId));
        notifier.appended();
    }

    private boolean listeningOtherThan(int cut) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE application_name = ? AND pid <> ?
                               AND datname = current_database() AND query ILIKE 'LISTEN%')""", Boolean.class,
                AppendListener.APPLICATION_NAME, cut));
    }

    private boolean visibleWithin(String chronicleId, Duration patience) {
        return http.getUntil("/api/v1/chronicles/" + chronicleId, answer -> answer.status() == 200, patience)
                .status() == 200;
    }

    private static GenericDomainEventMessage<ChronicleDefined> defined(String chronicleId) {
        return new GenericDomainEventMessage<>("Chronicle", chronicleId, 0, new ChronicleDefined(chronicleId,
                new ChronicleDefinition("Battle of Rastan", null,
                        new Period(LocalDate.of(2012, 1, 29), LocalDate.of(2012, 5, 31)),
                        List.of(new Side("fsa", "Free Syrian Army"), new Side("government", "Syrian Arab Republic")),
                        List.of(new Area("rastan", "Rastan", null, null)), List.of())));
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
