package org.chronicle.query.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
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
 * The projections against the rules: random chronicles and histories are appended to the event
 * store of a running query side, and for every day of the period its {@code control},
 * {@code casualties.day}, {@code casualties.cumulative} and the reports listed equal what
 * {@link PlainRules} makes of the same events: now, as known at a random instant, as reported by
 * a random day, and both at once.
 */
class CountingRulesPropertyTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final AtomicInteger chronicles = new AtomicInteger();
    private static ConfigurableApplicationContext service;
    private static Http http;

    @BeforeContainer
    static void start() {
        service = Launch.run(QuerySideApplication.class, "--server.port=0", "--server.address=127.0.0.1",
                "--spring.datasource.url=" + TestDatabase.create(CountingRulesPropertyTest.class),
                "--spring.datasource.hikari.maximum-pool-size=4",
                "--chronicle.admin.password=" + Accounts.ADMIN_PASSWORD);
        http = Http.local(Integer.parseInt(service.getEnvironment().getProperty("local.server.port")));
    }

    @AfterContainer
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Property(tries = 200)
    void everyDayAnswersWhatTheRulesGive(@ForAll long seed) {
        String chronicleId = "generated-" + chronicles.incrementAndGet();
        Story story = new StoryGenerator(seed).story(chronicleId);
        long head = record(chronicleId, story);
        http.getUntil("/api/v1/chronicles/" + chronicleId + "?consistentWith=" + head, a -> a.status() == 200,
                Duration.ofSeconds(10));

        Random random = new Random(seed);
        Instant knownAt = knownAt(story, random);
        LocalDate reportedBy = reportedBy(story, random);
        compare(chronicleId, story, seed, null, null);
        compare(chronicleId, story, seed, knownAt, null);
        compare(chronicleId, story, seed, null, reportedBy);
        compare(chronicleId, story, seed, knownAt, reportedBy);
    }

    /**
     * Just before a slot of the recording, or, half the time, just after an event stamped before
     * the one recorded ahead of it (clocks that disagree): between the two, the earlier version is
     * ended by the later correction although the event that follows it is not known yet.
     */
    private static Instant knownAt(Story story, Random random) {
        List<Instant> early = new ArrayList<>();
        for (int i = 1; i < story.events().size(); i++) {
            if (story.events().get(i).recordedAt().isBefore(story.events().get(i - 1).recordedAt())) {
                early.add(story.events().get(i).recordedAt());
            }
        }
        if (!early.isEmpty() && random.nextBoolean()) {
            return early.get(random.nextInt(early.size())).plus(Duration.ofMinutes(30));
        }
        return StoryGenerator.FIRST_RECORDED.plus(StoryGenerator.BETWEEN_EVENTS
                .multipliedBy(random.nextInt(story.events().size() + 2))).minusSeconds(1 + random.nextInt(2) * 3600);
    }

    /**
     * A day around the period, or, half the time, the day in the news of an event on a report
     * that counts from earlier than the event before it on the same report (a correction citing
     * an older source): on that day, the earlier version is ended by the later event although the
     * one that follows it is not in the news yet.
     */
    private static LocalDate reportedBy(Story story, Random random) {
        Map<String, LocalDate> previous = new HashMap<>();
        List<LocalDate> early = new ArrayList<>();
        for (Story.Recorded event : story.events()) {
            LocalDate on = PlainRules.reportedOn(event);
            LocalDate before = previous.put(event.reportId(), on);
            if (before != null && on.isBefore(before)) {
                early.add(on);
            }
        }
        if (!early.isEmpty() && random.nextBoolean()) {
            return early.get(random.nextInt(early.size()));
        }
        return story.chronicle().period().start().plusDays(random.nextInt(9) - 1);
    }

    /** Every day of the period, as known at and reported by the moments given (null: no limit). */
    private static void compare(String chronicleId, Story story, long seed, Instant knownAt, LocalDate reportedBy) {
        PlainRules rules = new PlainRules(story, knownAt, reportedBy);
        String query = (knownAt == null ? "" : "&asKnownAt=" + knownAt) + (reportedBy == null ? "" : "&asReportedBy=" + reportedBy);
        for (LocalDate day : story.chronicle().period().days().toList()) {
            Http.Answer answer = http.get("/api/v1/chronicles/" + chronicleId + "/days/" + day + "?" + query);
            String at = "%s as known at %s, reported by %s, seed %d: %s".formatted(day, knownAt, reportedBy, seed, story);
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            JsonNode casualties = answer.json().path("casualties");
            assertThat(casualties.path("day")).as("day " + at).isEqualTo(asJson(rules.day(day)));
            assertThat(answer.json().path("control")).as("control " + at).isEqualTo(asJson(rules.control(day)));
            assertThat(casualties.path("cumulative")).as("cumulative " + at).isEqualTo(asJson(rules.cumulative(day)));
            assertThat(reports(answer.json().path("reports"))).as("reports " + at).isEqualTo(asJson(rules.reports(day)));
        }
        Http.Answer list = http.get("/api/v1/chronicles/" + chronicleId + "/days?" + query);
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        List<LocalDate> days = story.chronicle().period().days().toList();
        assertThat(list.json()).hasSize(days.size());
        for (int i = 0; i < days.size(); i++) {
            LocalDate day = days.get(i);
            JsonNode row = list.json().get(i);
            String at = "the list's %s as known at %s, reported by %s, seed %d: %s".formatted(day, knownAt, reportedBy,
                    seed, story);
            assertThat(row.path("killed")).as("killed " + at).isEqualTo(asJson(killed(rules.day(day))));
            assertThat(row.path("cumulativeKilled")).as("cumulative " + at)
                    .isEqualTo(asJson(killed(rules.cumulative(day))));
            Map<String, Object> sides = new LinkedHashMap<>();
            rules.control(day).forEach(entry -> sides.put((String) entry.get("area"), entry.get("side")));
            assertThat(row.path("control")).as("control " + at).isEqualTo(asJson(sides));
        }
    }

    /** The killed figure of each party that has one. */
    private static Map<String, Object> killed(Map<String, Map<String, org.chronicle.api.Figure>> parties) {
        Map<String, Object> killed = new TreeMap<>();
        parties.forEach((party, measures) -> {
            if (measures.get("killed") != null) {
                killed.put(party, measures.get("killed"));
            }
        });
        return killed;
    }

    /** The reports of a day as the plain rules list them: id, version and status. */
    private static JsonNode reports(JsonNode listed) {
        ArrayNode kept = JSON.createArrayNode();
        listed.forEach(report -> kept.addObject().put("reportId", report.path("reportId").asText())
                .put("version", report.path("version").asInt()).put("status", report.path("status").asText()));
        return kept;
    }

    /** As the service would write it, so that numbers compare as numbers of the same kind. */
    private static JsonNode asJson(Object value) {
        try {
            return JSON.readTree(JSON.writeValueAsString(value));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
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
        return service.getBean(JdbcTemplate.class).queryForObject("SELECT MAX(global_index) FROM domain_event_entry",
                Long.class);
    }
}
