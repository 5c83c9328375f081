import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The limit of a rebuild: reads every row of the event table in the order of the global index, as
 * a tracking processor does, with JDBC (autocommit off, so the driver streams the rows in fetches
 * of FETCH_SIZE) and deserializes each payload with Jackson into a tree, on one thread. Nothing is
 * written. Prints "rebuild_limit: EVENTS events in SECONDS s = RATE events/s (...)", with the CPU
 * time per event of the reading thread and of its PostgreSQL backend (read from /proc when the
 * database runs on this machine) in the parentheses (after unmeasured
 * passes over at least 200,000 events that warm the JIT and the database's caches, when WARM is true).
 *
 * The figures are those of the median of three measured passes.
 *
 * Needs the PostgreSQL driver and Jackson on the class path; run.sh takes them from the built
 * query-side jar:
 *
 *   java -cp LIB/* bench/RebuildLimit.java JDBC_URL [FETCH_SIZE=1000] [WARM=true]
 */
public class RebuildLimit {

    private static final int PASSES = 3;

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int fetchSize = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        boolean warm = args.length <= 2 || Boolean.parseBoolean(args[2]);
        ObjectMapper json = new ObjectMapper();
        try (Connection connection = DriverManager.getConnection(url)) {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            // The JIT needs some hundred thousand rows before the rate settles: a small store is read again.
            for (long warmed = 0, passes = 0; warm && warmed < 200_000 && passes < 20; passes++) {
                warmed += pass(connection, json, fetchSize)[0];
            }
            long backend = backendPid(connection);
            // The median of three measured passes: one pass of a small store lasts under a second,
            // where a moment of other work on the machine would move it.
            List<double[]> passes = new ArrayList<>();
            for (int measured = 0; measured < PASSES; measured++) {
                long backendBefore = cpuMillis(backend);
                long threadBefore = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                long start = System.nanoTime();
                long[] counted = pass(connection, json, fetchSize);
                double seconds = (System.nanoTime() - start) / 1e9;
                double threadMicros = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - threadBefore) / 1e3;
                double backendMicros = (cpuMillis(backend) - backendBefore) * 1e3;
                passes.add(new double[] {seconds, counted[0], counted[1], counted[2], threadMicros, backendMicros});
            }
            passes.sort(Comparator.comparingDouble(p -> p[0]));
            double[] median = passes.get(PASSES / 2);
            double events = median[1];
            System.out.printf(Locale.ROOT, "rebuild_limit: %.0f events in %.2f s = %.0f events/s (median of %d passes;"
                            + " %.0f payload bytes, %.0f JSON fields; CPU per event: %.1f us on the reading thread,"
                            + " %.1f us in its PostgreSQL backend)%n",
                    events, median[0], events / median[0], PASSES, median[2], median[3], median[4] / events,
                    backend < 0 ? Double.NaN : median[5] / events);
        }
    }

    private static long backendPid(Connection connection) throws Exception {
        try (ResultSet pid = connection.createStatement().executeQuery("SELECT pg_backend_pid()")) {
            return pid.next() ? pid.getLong(1) : -1;
        }
    }

    /** CPU time of a process on this machine in ms (user + system), or 0 when it cannot be read. */
    private static long cpuMillis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return ticks * 1000 / 100;    // USER_HZ, 100 on Linux
        } catch (Exception e) {
            return 0;
        }
    }

    /** One pass over the store: events, payload bytes, and a sum over the trees so none is optimised away. */
    private static long[] pass(Connection connection, ObjectMapper json, int fetchSize) throws Exception {
        long events = 0;
        long bytes = 0;
        long fields = 0;
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT global_index, type, aggregate_identifier, sequence_number, event_identifier, time_stamp,
                       payload_type, payload_revision, payload, meta_data
                FROM domain_event_entry ORDER BY global_index""")) {
            select.setFetchSize(fetchSize);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    rows.getLong(1);
                    rows.getString(2);
                    rows.getString(3);
                    rows.getLong(4);
                    rows.getString(5);
                    rows.getString(6);
                    rows.getString(7);
                    rows.getString(8);
                    byte[] payload = rows.getBytes(9);
                    rows.getBytes(10);
                    JsonNode tree = json.readTree(payload);
                    events++;
                    bytes += payload.length;
                    fields += tree.size();
                }
            }
        }
        connection.commit();
        return new long[] {events, bytes, fields};
    }
}
