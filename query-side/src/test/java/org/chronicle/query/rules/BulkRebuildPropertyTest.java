package org.chronicle.query.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.chronicle.api.chronicle.ChronicleDefined;
import org.chronicle.platform.launch.Launch;
import org.chronicle.platform.testing.Accounts;
import org.chronicle.platform.testing.Http;
import org.chronicle.platform.testing.TestDatabase;
import org.chronicle.query.QuerySideApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A rebuild writes the rows the live processors write: random histories are projected by the
 * processors' batches into the active sets (settled batch by batch), every projection is then
 * rebuilt in bulk into its other set (settled once, at the end), and each table of the two sets
 * holds the same rows for the history's chronicle, row for row and column for column. Rounds of a
 * few events split reports' histories across rounds, as rounds of thousands do in a large store.
 */
class BulkRebuildPropertyTest {

    /** Each projection's tables, with the condition on rows that reads take into account. */
    private static final Map<String, Map<String, String>> TABLES = Map.of(
            "chronicles", Map.of("chronicle_directory", "", "chronicle_version", ""),
            "casualties", Map.of("casualty_figure", "", "period_claim", "", "casualty_report_event", "",
                    // The handler leaves a day's sum at zero when its last figure stops counting; reads skip those.
                    "casualty_day_sum", " AND rows_n > 0"),
            "control", Map.of("control_change", "", "clash_day", "", "report_origin", "", "control_report_event", ""),
            "reports", Map.of("report_version", ""));
    private static final AtomicInteger chronicles = new AtomicInteger();
    private static ConfigurableApplicationContext service;
    private static Http admin;
    private static JdbcTemplate jdbc;

    @BeforeContainer
    static void start() {
        service = Launch.run(QuerySideApplication.class, "--server.port=0", "--server.address=127.0.0.1",
                "--spring.datasource.url=" + TestDatabase.create(BulkRebuildPropertyTest.class),
                "--spring.datasource.hikari.maximum-pool-size=6",
                "--chronicle.projections.check-interval=100ms",
                "--chronicle.projections.rebuild.round-events=7",
                "--chronicle.admin.password=" + Accounts.ADMIN_PASSWORD);
        admin = Http.local(Integer.parseInt(service.getEnvironment().getProperty("local.server.port"))).asAdmin();
        jdbc = service.getBean(JdbcTemplate.class);
    }

    @AfterContainer
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Property(tries = 30)
    void aRebuildWritesTheRowsTheLiveBatchesWrite(@ForAll long seed) {
        String chronicleId = "bulk-" + chronicles.incrementAndGet();
        Story story = new StoryGenerator(seed).story(chronicleId);
        long head = record(chronicleId, story);
        Map<String, String> handled = awaitLive(head);
        for (String projection : TABLES.keySet()) {
            Http.Answer started = admin.post("/api/v1/admin/projections/" + projection + "/rebuild", "");
            assertThat(started.status()).as(started.body()).isEqualTo(202);
        }
        Map<String, String> loaded = awaitSwitched(handled);
        TABLES.forEach((projection, tables) -> tables.forEach((table, condition) ->
                assertThat(rows(table, loaded.get(projection), chronicleId, condition))
                        .as("%s of %s, rebuilt into %s, against the live %s; seed %d: %s", table,
                                projection, loaded.get(projection), handled.get(projection), seed, story)
                        .isEqualTo(rows(table, handled.get(projection), chronicleId, condition))));
    }

    /** Appends the story as the command side would have, and answers the position of its last event. */
    private static long record(String chronicleId, Story story) {
        EventStore events = service.getBean(EventStore.class);
        events.publish(new GenericDomainEventMessage<>("Chronicle", chronicleId, 0,
                new ChronicleDefined(chronicleId, story.chronicle()), MetaData.emptyInstance(),
                UUID.randomUUID().toString(), story.definedAt()));
        for (Story.Recorded event : story.events()) {
            events.publish(new GenericDomainEventMessage<>("Report", chronicleId + "/" + event.reportId(),
                    event.version() - 1, event.payload(), MetaData.emptyInstance(), UUID.randomUUID().toString(),
                    event.recordedAt()));
        }
        return jdbc.queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class);
    }

    /** Waits until every projection's handlers have the story; answers each one's active set. */
    private static Map<String, String> awaitLive(long head) {
        Http.Answer all = admin.getUntil("/api/v1/admin/projections", answer -> {
            for (JsonNode projection : answer.json()) {
                if (!projection.path("status").asText().equals("LIVE") || projection.path("position").asLong() < head) {
                    return false;
                }
            }
            return true;
        }, Duration.ofSeconds(30));
        return activeSets(all.json());
    }

    /** Waits until every projection reads from the set its rebuild filled; answers those sets. */
    private static Map<String, String> awaitSwitched(Map<String, String> before) {
        Http.Answer all = admin.getUntil("/api/v1/admin/projections", answer -> {
            Map<String, String> now = activeSets(answer.json());
            for (JsonNode projection : answer.json()) {
                String name = projection.path("name").asText();
                if (projection.path("replaying").asBoolean() || now.get(name).equals(before.get(name))) {
                    return false;
                }
            }
            return true;
        }, Duration.ofSeconds(60));
        return activeSets(all.json());
    }

    private static Map<String, String> activeSets(JsonNode projections) {
        Map<String, String> sets = new TreeMap<>();
        projections.forEach(projection -> sets.put(projection.path("name").asText(),
                projection.path("activeSet").asText()));
        return sets;
    }

    /** The chronicle's rows of one set of a table, each as its columns and values, in a stable order. */
    private static List<Map<String, Object>> rows(String table, String set, String chronicleId, String condition) {
        String name = set.equals("GREEN") ? table + "_green" : table;
        return jdbc.queryForList("SELECT * FROM " + name + " WHERE chronicle_id = ?" + condition, chronicleId).stream()
                .map(row -> (Map<String, Object>) new LinkedHashMap<>(new TreeMap<>(row)))
                .sorted(Comparator.comparing(Object::toString))
                .toList();
    }
}
