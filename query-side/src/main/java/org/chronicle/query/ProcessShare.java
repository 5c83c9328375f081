package org.chronicle.query;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.pooled.MaxSegmentProvider;
import org.chronicle.platform.schema.MigrationUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Shares each projection's segments among the query-side processes on one database. Axon's pooled
 * processor claims every segment it finds unclaimed, so the first process to start would keep all
 * of them and a second would stand idle until the first stopped. Instead every process beats in
 * {@code query_side_process} and lets each projection claim at most its share,
 * {@code ceil(segments / live processes)}: a process above its share releases the surplus (Axon does
 * so at its next claim round), and another claims it. A process that stops beating, killed for
 * instance, counts as gone after {@code chronicle.projections.process-timeout}; the survivors' share
 * grows and they claim its segments once its claims have timed out in {@code token_entry}.
 */
@Component
public class ProcessShare implements MaxSegmentProvider, SmartLifecycle {

    /** The share's own table, migrated apart from the read models. */
    public static final MigrationUnit SCHEMA =
            new MigrationUnit("query-side-processes", "classpath:db/processes", MigrationUnit.SIDE);

    private static final Logger log = LoggerFactory.getLogger(ProcessShare.class);

    /** The owner name Axon's token store writes for this process, so both tables name it alike. */
    private final String nodeId = ManagementFactory.getRuntimeMXBean().getName();
    private final JdbcTemplate jdbc;
    private final Duration beat;
    private final Duration timeout;
    private volatile int liveProcesses = 1;
    private volatile Map<String, Integer> segments = Map.of();
    private ScheduledExecutorService beating;

    ProcessShare(JdbcTemplate jdbc,
                 @Value("${chronicle.projections.process-beat:2s}") Duration beat,
                 @Value("${chronicle.projections.process-timeout:10s}") Duration timeout) {
        this.jdbc = jdbc;
        this.beat = beat;
        this.timeout = timeout;
    }

    @Override
    public int getMaxSegments(String projection) {
        Integer total = segments.get(projection);
        if (total == null) {
            return Short.MAX_VALUE;    // no tokens yet: the first claim round creates them
        }
        return Math.max(1, (total + liveProcesses - 1) / liveProcesses);
    }

    /** How many query-side processes beat lately, this one included. */
    public int liveProcesses() {
        return liveProcesses;
    }

    void beat() {
        if (jdbc.update("UPDATE query_side_process SET seen_at = CURRENT_TIMESTAMP WHERE node_id = ?", nodeId) == 0) {
            jdbc.update("INSERT INTO query_side_process (node_id, started_at, seen_at) "
                    + "VALUES (?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)", nodeId);
        }
        // The database's clock judges every process, so the processes' own clocks need not agree.
        List<Duration> silences = jdbc.query("SELECT seen_at, CURRENT_TIMESTAMP FROM query_side_process",
                (rs, row) -> Duration.between(rs.getObject(1, OffsetDateTime.class), rs.getObject(2, OffsetDateTime.class)));
        int live = (int) silences.stream().filter(silence -> silence.compareTo(timeout) < 0).count();
        if (silences.stream().anyMatch(silence -> silence.compareTo(timeout.multipliedBy(10)) > 0)) {
            OffsetDateTime now = jdbc.queryForObject("SELECT CURRENT_TIMESTAMP", OffsetDateTime.class);
            jdbc.update("DELETE FROM query_side_process WHERE seen_at < ?", now.minus(timeout.multipliedBy(10)));
        }
        Map<String, Integer> counted = new HashMap<>();
        jdbc.query("SELECT processor_name, COUNT(*) FROM token_entry GROUP BY processor_name",
                rs -> { counted.put(rs.getString(1), rs.getInt(2)); });
        segments = Map.copyOf(counted);
        if (Math.max(1, live) != liveProcesses) {
            log.info("{} query-side process(es) share the projections' segments", Math.max(1, live));
        }
        liveProcesses = Math.max(1, live);
    }

    private void beatQuietly() {
        try {
            beat();
        } catch (RuntimeException e) {
            log.warn("The query side could not beat in query_side_process: {}", e.getMessage());
        }
    }

    @Override
    public synchronized void start() {
        beatQuietly();
        beating = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "query-side-process-beat");
            thread.setDaemon(true);
            return thread;
        });
        beating.scheduleWithFixedDelay(this::beatQuietly, beat.toMillis(), beat.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (beating == null) {
            return;
        }
        beating.shutdownNow();
        beating = null;
        // Leaving is a courtesy that lets the others take over sooner; the row expires anyway. At
        // most a second is spent on it, so a database already gone cannot hold up the shutdown.
        Thread leaving = new Thread(() -> {
            try {
                jdbc.update("DELETE FROM query_side_process WHERE node_id = ?", nodeId);
            } catch (RuntimeException e) {
                log.debug("The query side could not leave query_side_process: {}", e.getMessage());
            }
        }, "query-side-process-leave");
        leaving.setDaemon(true);
        leaving.start();
        try {
            leaving.join(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return beating != null;
    }

    /** Beats before the processors start claiming, and leaves after they have released their segments. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE / 2;
    }
}
