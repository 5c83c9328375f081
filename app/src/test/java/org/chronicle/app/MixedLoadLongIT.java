package org.chronicle.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import org.chronicle.platform.testing.Accounts;
import org.chronicle.platform.testing.Http;
import org.chronicle.platform.testing.Http.Answer;
import org.chronicle.platform.testing.TestDatabase;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sixteen clients write and read at once, for minutes, against two command sides and a query side
 * as separate processes: new reports, corrections, retractions, reinstatements and duplicate marks
 * among day reads, lists of days and report reads. A client whose request goes unanswered sends it
 * again, with the same report id or Idempotency-Key, as the API tells clients to, and to the other
 * command side, as a balancer would; one write in {@value #IMPATIENT} is sent by a client that
 * gives up on its first attempt at once, so its retry races the original. A third of the later
 * events name the version their client last saw. Then:
 * no answer was ever a 5xx; every acknowledged write is in the event store once, at the version
 * and position it was acknowledged with, and nothing else is; a report read never showed less than
 * a write already acknowledged; and the read models, once caught up, answer every day as a rebuild
 * of them from the store does.
 *
 * <p>Minutes long, so it runs only in the Maven profile {@code long}. The length is the system
 * property {@code chronicle.load.duration} (ISO-8601 such as {@code PT30S}, or seconds; default
 * five minutes).
 */
class MixedLoadLongIT {

    private static final int CLIENTS = 16;
    /** Stands for whichever command side an attempt is sent to. */
    private static final String COMMAND = "command:";
    private static final List<String> CHRONICLES = List.of("load-0", "load-1", "load-2", "load-3");
    private static final LocalDate START = LocalDate.of(2012, 1, 29);
    private static final LocalDate END = LocalDate.of(2012, 2, 28);
    private static final List<String> PROJECTIONS = List.of("chronicles", "casualties", "control", "reports");
    /** An unanswered request is sent this many times in all before the client gives up on it. */
    private static final int ATTEMPTS = 6;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** One write in this many is sent by an impatient client, which gives up on its first attempt within 60 ms. */
    private static final int IMPATIENT = 8;
    /** The catch-up after the load and the rebuild of everything it wrote. */
    private static final Duration PATIENCE = Duration.ofMinutes(10);

    @TempDir
    Path work;

    private final Tally tally = new Tally();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String authorization = "Basic " + Base64.getEncoder()
            .encodeToString(("admin:" + Accounts.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
    /** Acknowledged reports of each chronicle, for later events and reads to pick from. */
    private final Map<String, List<String>> reports = new ConcurrentHashMap<>();
    /** Reports a client retracted, for reinstatements to pick from. */
    private final Set<String> retracted = ConcurrentHashMap.newKeySet();
    /** The highest version acknowledged on each report ({@code chronicle/report}). */
    private final Map<String, AtomicLong> acknowledgedVersion = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();

    @Test
    void sixteenClientsMixingWritesAndReadsLoseNothingDuplicateNothingAndNeverMeetA5xx() throws Exception {
        Duration duration = duration(System.getProperty("chronicle.load.duration", "PT5M"));
        String database = TestDatabase.create(MixedLoadLongIT.class);
        Map<String, String> env = new HashMap<>(Accounts.environment(database));
        env.put("CHRONICLE_DB_POOL_SIZE", "10");
        try (ServiceProcess command = ServiceProcess.start(ServiceProcess.jarOf("command-side"), work, env);
             ServiceProcess otherCommand = ServiceProcess.start(ServiceProcess.jarOf("command-side"), work, env);
             ServiceProcess query = ServiceProcess.start(ServiceProcess.jarOf("query-side"), work, env)) {
            try {
                load(duration, database, command, otherCommand, query);
            } catch (Throwable failed) {
                // The services' logs go with the test's directory: what they logged as errors is kept here.
                for (ServiceProcess service : List.of(command, otherCommand, query)) {
                    System.out.println(errors(service.log()));
                }
                throw failed;
            }
        }
    }

    /** The logged errors and the lines right after each, at most a few hundred lines in all. */
    private static String errors(String log) {
        List<String> kept = new ArrayList<>();
        int after = 0;
        for (String line : log.split("\n")) {
            after = line.contains(" ERROR ") ? 12 : after - 1;
            if (after > 0 && kept.size() < 300) {
                kept.add(line);
            }
        }
        return String.join("\n", kept);
    }

    /** The clients for {@code duration}, then the store checked against their answers, then a rebuild compared. */
    private void load(Duration duration, String database, ServiceProcess command, ServiceProcess otherCommand,
                      ServiceProcess query) throws Exception {
        for (String chronicle : CHRONICLES) {
            assertThat(command.http.asAdmin().put("/api/v1/chronicles/" + chronicle, definition(chronicle))
                    .status()).isEqualTo(201);
            reports.put(chronicle, Collections.synchronizedList(new ArrayList<>()));
        }

        Instant began = Instant.now();
        long deadline = System.nanoTime() + duration.toNanos();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> running = new ArrayList<>();
        for (int n = 0; n < CLIENTS; n++) {
            int id = n;
            running.add(clients.submit(() -> new Client(id, List.of(command.port, otherCommand.port), query.port).run(deadline)));
        }
        for (Future<?> future : running) {
            future.get(duration.toSeconds() + 600, TimeUnit.SECONDS);
        }
        clients.shutdown();
        Duration took = Duration.between(began, Instant.now());
        Instant midway = began.plus(took.dividedBy(2));

        StoreCheck store = checkTheStore(database);
        System.out.println(tally.summary(took, store));
        System.out.println(tally.latencies());
        long head = acknowledged.stream().mapToLong(Acknowledged::position).max().orElse(0);
        long caughtUpFrom = System.nanoTime();
        Answer caughtUp = query.http.getUntil("/api/v1/chronicles?consistentWith=" + head,
                a -> a.status() != 503, PATIENCE);
        assertThat(caughtUp.status()).as("the read models catch up: " + caughtUp.body()).isEqualTo(200);
        double catchUp = (System.nanoTime() - caughtUpFrom) / 1e9;
        Map<String, JsonNode> before = answers(query.http, head, midway);
        long rebuildFrom = System.nanoTime();
        rebuildEverything(query.http.asAdmin());
        System.out.printf("mixed load: the read models answered position %d %.1f s after the load;"
                + " a rebuild of all %d events took %.1f s%n", head, catchUp, store.events,
                (System.nanoTime() - rebuildFrom) / 1e9);
        Map<String, JsonNode> after = answers(query.http, head, midway);

        SoftAssertions.assertSoftly(softly -> {
            softly.assertThat(tally.serverErrors()).as("5xx answers: " + tally.serverErrorSamples).isEmpty();
            softly.assertThat(tally.unanswered.sum()).as("requests never answered").isZero();
            softly.assertThat(tally.clientErrors().keySet())
                    .as("the only refusals are conflicts between concurrent clients").isSubsetOf(Set.of(409));
            softly.assertThat(tally.staleReads.sum()).as("report reads older than an acknowledged write").isZero();
            softly.assertThat(store.lost).as("acknowledged writes missing from the store").isEmpty();
            softly.assertThat(store.duplicated).as("writes stored more than once").isEmpty();
            softly.assertThat(store.unacknowledged).as("events stored that no answer acknowledged").isEmpty();
            softly.assertThat(acknowledged).as("the clients wrote").isNotEmpty();
            softly.check(() -> ChronicleAnswers.assertSame(after, before, "the rebuilt read models"));
        });
    }

    /** One client: a loop of random requests, each sent again while it goes unanswered. */
    private final class Client {

        private final int id;
        private final List<String> commandSides;
        private final String queryBase;
        private final Random random;
        private final GeneratedReports generated;
        private int written;

        Client(int id, List<Integer> commandPorts, int queryPort) {
            this.id = id;
            this.commandSides = commandPorts.stream().map(port -> "http://127.0.0.1:" + port).toList();
            this.queryBase = "http://127.0.0.1:" + queryPort;
            this.random = new Random(1000L + id);
            this.generated = new GeneratedReports(random, START, END);
        }

        void run(long deadline) {
            while (System.nanoTime() < deadline) {
                String chronicle = CHRONICLES.get(random.nextInt(CHRONICLES.size()));
                int roll = random.nextInt(100);
                if (roll < 30 || reports.get(chronicle).size() < 5) {
                    record(chronicle);
                } else if (roll < 40) {
                    ObjectNode body = GeneratedReports.JSON.createObjectNode().put("reason", "revised toll");
                    body.putArray("sources").addObject().put("name", "Later dispatch").put("publisher", "AFP")
                            .put("publishedOn", generated.day().toString());
                    body.set("report", generated.content("corrected by client " + id));
                    later(Kind.CORRECT, chronicle, pick(chronicle), "corrections", body);
                } else if (roll < 44) {
                    String target = pick(chronicle);
                    if (later(Kind.RETRACT, chronicle, target, "retraction", reason("unfounded"))) {
                        retracted.add(chronicle + "/" + target);
                    }
                } else if (roll < 47) {
                    reinstate(chronicle);
                } else if (roll < 50) {
                    String target = pick(chronicle);
                    String original = pick(chronicle);
                    if (!original.equals(target)) {
                        later(Kind.DUPLICATE, chronicle, target, "duplicate-of",
                                reason("the same incident").put("duplicateOf", original));
                    }
                } else if (roll < 80) {
                    read(Kind.READ_DAY, "/api/v1/chronicles/" + chronicle + "/days/" + generated.day());
                } else if (roll < 97) {
                    readReport(chronicle);
                } else {
                    read(Kind.READ_DAYS, "/api/v1/chronicles/" + chronicle + "/days");
                }
            }
        }

        private void record(String chronicle) {
            String reportId = "c" + id + "-" + written++;
            Answered answer = send(Kind.RECORD, COMMAND + "/api/v1/chronicles/" + chronicle + "/reports",
                    generated.report(reportId).toString(), null);
            if (answer != null && (answer.status == 201 || answer.status == 200)) {
                acknowledge(Kind.RECORD, chronicle, reportId, answer, null);
                reports.get(chronicle).add(reportId);
            }
        }

        private void reinstate(String chronicle) {
            String target = retracted.stream().filter(key -> key.startsWith(chronicle + "/")).findAny()
                    .map(key -> key.substring(chronicle.length() + 1)).orElse(null);
            if (target != null && retracted.remove(chronicle + "/" + target)) {
                later(Kind.REINSTATE, chronicle, target, "reinstatement", reason("confirmed after all"));
            }
        }

        /** A later event on a report, under an Idempotency-Key of its own; true when acknowledged. */
        private boolean later(Kind kind, String chronicle, String reportId, String path, ObjectNode body) {
            String key = UUID.randomUUID().toString();
            AtomicLong seen = acknowledgedVersion.get(chronicle + "/" + reportId);
            if (seen != null && random.nextInt(3) == 0) {
                // A careful client names the version it last saw: a stale one is a 409, never a lost update.
                body.put("expectedVersion", seen.get());
            }
            Answered answer = send(kind, COMMAND + "/api/v1/chronicles/" + chronicle + "/reports/" + reportId
                    + "/" + path, body.toString(), key);
            if (answer != null && answer.status == 201) {
                acknowledge(kind, chronicle, reportId, answer, key);
                return true;
            }
            return false;
        }

        private void acknowledge(Kind kind, String chronicle, String reportId, Answered answer, String key) {
            JsonNode written = answer.json();
            String aggregate = chronicle + "/" + reportId;
            long version = written.path("version").asLong();
            acknowledged.add(new Acknowledged(aggregate, kind, version, written.path("position").asLong(), key));
            acknowledgedVersion.computeIfAbsent(aggregate, a -> new AtomicLong()).accumulateAndGet(version, Math::max);
        }

        private void read(Kind kind, String path) {
            send(kind, queryBase + path, null, null);
        }

        /** The report's history is read from its stream: it shows at least every write acknowledged before. */
        private void readReport(String chronicle) {
            String reportId = pick(chronicle);
            AtomicLong known = acknowledgedVersion.get(chronicle + "/" + reportId);
            long expected = known == null ? 1 : known.get();
            Answered answer = send(Kind.READ_REPORT, queryBase + "/api/v1/chronicles/" + chronicle + "/reports/"
                    + reportId, null, null);
            if (answer != null && answer.status == 200 && answer.json().path("version").asLong() < expected) {
                tally.staleReads.increment();
            }
        }

        private String pick(String chronicle) {
            List<String> ids = reports.get(chronicle);
            synchronized (ids) {
                return ids.get(random.nextInt(ids.size()));
            }
        }

        private ObjectNode reason(String reason) {
            return GeneratedReports.JSON.createObjectNode().put("reason", reason);
        }

        /** As behind a balancer: each attempt of a write goes to the next command side, so a retry races its original. */
        private URI target(String url, int attempt) {
            return URI.create(url.startsWith(COMMAND)
                    ? commandSides.get((id + attempt) % commandSides.size()) + url.substring(COMMAND.length()) : url);
        }

        /**
         * Sends the request until it is answered, the same body and key each time; answers null
         * when it never is. Every answer's status is counted.
         */
        private Answered send(Kind kind, String url, String body, String idempotencyKey) {
            tally.tried.get(kind).increment();
            HttpRequest.Builder request = HttpRequest.newBuilder(target(url, 1)).timeout(REQUEST_TIMEOUT);
            if (body == null) {
                request.GET();
            } else {
                request.header("Content-Type", "application/json").header("Authorization", authorization)
                        .POST(HttpRequest.BodyPublishers.ofString(body));
            }
            if (idempotencyKey != null) {
                request.header("Idempotency-Key", idempotencyKey);
            }
            boolean impatient = body != null && random.nextInt(IMPATIENT) == 0;
            for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
                request.uri(target(url, attempt));
                long sent = System.nanoTime();
                if (impatient) {
                    // Gives up on the first attempt while the service is still at it, so the retry races the original.
                    request.timeout(attempt == 1 ? Duration.ofMillis(1 + random.nextInt(60)) : REQUEST_TIMEOUT);
                }
                try {
                    HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
                    Answered answer = new Answered(response.statusCode(), response.body());
                    tally.count(kind, answer, System.nanoTime() - sent);
                    return answer;
                } catch (IOException unanswered) {
                    tally.retried.increment();
                    if (!impatient || attempt > 1) {
                        pause(200L * attempt);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            tally.unanswered.increment();
            return null;
        }
    }

    /**
     * Every event the clients' chronicles hold, against the acknowledgements: each acknowledged
     * write is the event at its report's version, of its kind, at its position and under its key;
     * no key and no report's first event is there twice; and no event is there unacknowledged.
     */
    private StoreCheck checkTheStore(String database) throws SQLException {
        Map<String, Map<Long, StoredEvent>> stored = new HashMap<>();
        try (Connection c = DriverManager.getConnection(database); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT aggregate_identifier, sequence_number, global_index, payload_type,"
                     + " meta_data FROM domain_event_entry WHERE aggregate_identifier LIKE 'load-_/%'")) {
            while (rs.next()) {
                byte[] metaData = rs.getBytes(5);
                String key = null;
                if (metaData != null) {
                    try {
                        key = GeneratedReports.JSON.readTree(metaData).path("idempotencyKey").asText(null);
                    } catch (IOException e) {
                        throw new IllegalStateException("Unreadable metadata of " + rs.getString(1), e);
                    }
                }
                stored.computeIfAbsent(rs.getString(1), a -> new TreeMap<>()).put(rs.getLong(2),
                        new StoredEvent(rs.getLong(3), rs.getString(4), key));
            }
        }
        StoreCheck check = new StoreCheck();
        Map<String, Set<Long>> claimed = new HashMap<>();
        for (Acknowledged write : acknowledged) {
            StoredEvent event = stored.getOrDefault(write.aggregate, Map.of()).get(write.version - 1);
            boolean same = event != null && event.position == write.position
                    && event.payloadType.endsWith("." + write.kind.event)
                    && (write.key == null || write.key.equals(event.idempotencyKey));
            if (!same) {
                check.lost.add(write + " stored as " + event);
            }
            claimed.computeIfAbsent(write.aggregate, a -> new java.util.HashSet<>()).add(write.version - 1);
        }
        stored.forEach((aggregate, events) -> {
            Map<String, Long> keys = events.values().stream().filter(e -> e.idempotencyKey != null)
                    .collect(Collectors.groupingBy(StoredEvent::idempotencyKey, Collectors.counting()));
            keys.forEach((key, n) -> {
                if (n > 1) {
                    check.duplicated.add(aggregate + " holds key " + key + " " + n + " times");
                }
            });
            long firsts = events.values().stream().filter(e -> e.payloadType.endsWith(".ReportRecorded")).count();
            if (firsts > 1) {
                check.duplicated.add(aggregate + " is recorded " + firsts + " times");
            }
            events.forEach((sequence, event) -> {
                if (!claimed.getOrDefault(aggregate, Set.of()).contains(sequence)) {
                    check.unacknowledged.add(aggregate + "#" + sequence + " " + event);
                }
            });
            check.events += events.size();
        });
        return check;
    }

    /** Every answer about every chronicle, once the read models have processed {@code head}. */
    private Map<String, JsonNode> answers(Http reads, long head, Instant knownAt) {
        Map<String, JsonNode> answers = new TreeMap<>();
        for (String chronicle : CHRONICLES) {
            answers.putAll(ChronicleAnswers.read(reads, chronicle, START, END, head, knownAt, PATIENCE));
        }
        return answers;
    }

    /** Rebuilds every projection and waits until the readers have been switched to the rebuilt sets. */
    private static void rebuildEverything(Http admin) throws InterruptedException {
        Map<String, String> before = activeSets(admin);
        for (String projection : PROJECTIONS) {
            Answer started = admin.post("/api/v1/admin/projections/" + projection + "/rebuild", "");
            assertThat(started.status()).as(started.body()).isEqualTo(202);
        }
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        Map<String, String> now = activeSets(admin);
        while (!switched(before, now) && System.nanoTime() < deadline) {
            Thread.sleep(500);
            now = activeSets(admin);
        }
        assertThat(switched(before, now)).as("every projection rebuilt and switched: " + before + " -> " + now)
                .isTrue();
    }

    private static boolean switched(Map<String, String> before, Map<String, String> now) {
        return PROJECTIONS.stream().allMatch(p -> !now.get(p).equals(before.get(p)) && !now.get(p).contains("+"));
    }

    /** projection -> its active set, with "+" and the set being rebuilt while a rebuild runs. */
    private static Map<String, String> activeSets(Http admin) {
        Answer answer = admin.get("/api/v1/admin/projections");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        Map<String, String> sets = new TreeMap<>();
        answer.json().forEach(p -> sets.put(p.path("name").asText(), p.path("activeSet").asText()
                + (p.path("replaying").asBoolean() ? "+" + p.path("rebuildingSet").asText() : "")));
        return sets;
    }

    private static String definition(String chronicle) {
        return """
                {"name": "Load %s", "period": {"start": "%s", "end": "%s"},
                 "sides": [{"id": "fsa", "name": "Free Syrian Army"}, {"id": "government", "name": "Syrian Arab Republic"}],
                 "areas": [{"id": "rastan", "name": "Rastan"},
                           {"id": "rastan-west", "name": "Western neighbourhoods", "parent": "rastan"},
                           {"id": "rastan-suburbs", "name": "Suburbs"}],
                 "initialControl": [{"area": "rastan", "side": "government"}, {"area": "rastan-suburbs", "side": "government"}]}
                """.formatted(chronicle, START, END);
    }

    static Duration duration(String value) {
        return value.chars().allMatch(Character::isDigit) ? Duration.ofSeconds(Long.parseLong(value))
                : Duration.parse(value);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What clients send; a write's kind names the event it appends. */
    enum Kind {
        RECORD("ReportRecorded"), CORRECT("ReportCorrected"), RETRACT("ReportRetracted"),
        REINSTATE("ReportReinstated"), DUPLICATE("ReportMarkedDuplicate"),
        READ_DAY(null), READ_REPORT(null), READ_DAYS(null);

        final String event;

        Kind(String event) {
            this.event = event;
        }
    }

    private record Answered(int status, String body) {
        JsonNode json() {
            try {
                return GeneratedReports.JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("Not JSON: " + body, e);
            }
        }
    }

    private record Acknowledged(String aggregate, Kind kind, long version, long position, String key) {
    }

    private record StoredEvent(long position, String payloadType, String idempotencyKey) {
    }

    private static final class StoreCheck {
        final List<String> lost = new ArrayList<>();
        final List<String> duplicated = new ArrayList<>();
        final List<String> unacknowledged = new ArrayList<>();
        long events;
    }

    /** Counts of what the clients tried and what they were answered. */
    private static final class Tally {
        final Map<Kind, LongAdder> tried = new EnumMap<>(Kind.class);
        final Map<Kind, LongAdder> acknowledged = new EnumMap<>(Kind.class);
        final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        final LongAdder retried = new LongAdder();
        final LongAdder unanswered = new LongAdder();
        final LongAdder staleReads = new LongAdder();
        final ConcurrentLinkedQueue<String> serverErrorSamples = new ConcurrentLinkedQueue<>();
        final Map<Kind, ConcurrentLinkedQueue<Long>> latencies = new EnumMap<>(Kind.class);

        Tally() {
            for (Kind kind : Kind.values()) {
                tried.put(kind, new LongAdder());
                acknowledged.put(kind, new LongAdder());
                latencies.put(kind, new ConcurrentLinkedQueue<>());
            }
        }

        void count(Kind kind, Answered answer, long nanos) {
            statuses.computeIfAbsent(answer.status, s -> new LongAdder()).increment();
            latencies.get(kind).add(nanos);
            if (answer.status < 300) {
                acknowledged.get(kind).increment();
            }
            if (answer.status >= 500 && serverErrorSamples.size() < 10) {
                serverErrorSamples.add(kind + " " + answer.status + " " + answer.body);
            }
        }

        Map<Integer, Long> serverErrors() {
            return byStatus(s -> s >= 500);
        }

        Map<Integer, Long> clientErrors() {
            return byStatus(s -> s >= 400 && s < 500);
        }

        private Map<Integer, Long> byStatus(java.util.function.IntPredicate which) {
            Map<Integer, Long> counts = new TreeMap<>();
            statuses.forEach((status, n) -> {
                if (which.test(status)) {
                    counts.put(status, n.sum());
                }
            });
            return counts;
        }

        String summary(Duration took, StoreCheck store) {
            long requests = tried.values().stream().mapToLong(LongAdder::sum).sum();
            return String.format("mixed load: %d clients for %.0f s, %d requests (%.0f/s); tried %s; acknowledged %s;"
                            + " 4xx %s; 5xx %s; unanswered %d (attempts retried %d); lost %d; duplicated %d;"
                            + " stored unacknowledged %d; stale report reads %d; events in store %d",
                    CLIENTS, took.toMillis() / 1e3, requests, requests / (took.toMillis() / 1e3), sums(tried),
                    sums(acknowledged), clientErrors(), serverErrors(), unanswered.sum(), retried.sum(),
                    store.lost.size(), store.duplicated.size(), store.unacknowledged.size(), staleReads.sum(),
                    store.events);
        }

        /** Each kind's answer times in milliseconds, p50/p99/max: printed for the record, never asserted. */
        String latencies() {
            Map<String, String> times = new java.util.LinkedHashMap<>();
            latencies.forEach((kind, nanos) -> {
                long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
                if (sorted.length > 0) {
                    times.put(kind.name().toLowerCase(), String.format("%.0f/%.0f/%.0f", sorted[sorted.length / 2] / 1e6,
                            sorted[(int) (sorted.length * 0.99)] / 1e6, sorted[sorted.length - 1] / 1e6));
                }
            });
            return "mixed load: answer times in ms (p50/p99/max) " + times;
        }

        private static String sums(Map<Kind, LongAdder> counts) {
            Map<String, Long> sums = new java.util.LinkedHashMap<>();
            counts.forEach((kind, n) -> sums.put(kind.name().toLowerCase(), n.sum()));
            return sums.toString();
        }
    }
}
