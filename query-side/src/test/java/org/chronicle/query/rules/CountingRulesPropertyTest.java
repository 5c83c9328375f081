package org.chronicle.query.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
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
 * {@code casualties.day} and {@code casualties.cumulative} equal what {@link PlainRules} makes of
 * the same events.
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
        PlainRules rules = new PlainRules(story);

        boolean first = true;
        for (LocalDate day : story.chronicle().period().days().toList()) {
            String path = "/api/v1/chronicles/" + chronicleId + "/days/" + day + (first ? "?consistentWith=" + head : "");
            Http.Answer answer = first ? http.getUntil(path, a -> a.status() == 200, Duration.ofSeconds(10)) : http.get(path);
            first = false;
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            JsonNode casualties = answer.json().path("casualties");
            assertThat(casualties.path("day")).as("day %s of seed %d: %s", day, seed, story)
                    .isEqualTo(asJson(rules.day(day)));
            assertThat(answer.json().path("control")).as("control on %s of seed %d: %s", day, seed, story)
                    .isEqualTo(asJson(rules.control(day)));
            assertThat(casualties.path("cumulative")).as("cumulative through %s of seed %d: %s", day, seed, story)
                    .isEqualTo(asJson(rules.cumulative(day)));
        }
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
                new ChronicleDefined(chronicleId, story.chronicle())));
        for (Story.Recorded event : story.events()) {
            events.publish(new GenericDomainEventMessage<>("Report", chronicleId + "/" + event.reportId(),
                    event.version() - 1, event.payload()));
        }
        return service.getBean(JdbcTemplate.class).queryForObject("SELECT MAX(global_index) FROM domain_event_entry",
                Long.class);
    }
}
