import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * What run.sh reads from flight recordings.
 *
 *   java bench/JfrSummary.java heap FILE...
 *       the peak of the heap in use over the recordings, in MB: the largest heapUsed of any
 *       jdk.GCHeapSummary event (taken before and after every collection), and the committed heap
 *   java bench/JfrSummary.java hot FILE [TOP=25] [THREADS=WorkPackage[,Coordinator[]
 *       where the time of the threads whose names contain one of THREADS goes (by default the
 *       event processors': the threads Axon's pooled processors run on; the command side's requests
 *       run on http-nio-...-exec-N, its import jobs on import-jobs; every thread is listed by its
 *       samples first): the samples of Java code running (jdk.ExecutionSample) and of threads in native code
 *       (jdk.NativeMethodSample, mostly waiting on a socket for PostgreSQL's answer), by what the
 *       thread is doing, by top frame (self), and by method anywhere in the stack (inclusive: the
 *       service's own code and the libraries it calls).
 */
public class JfrSummary {

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "heap" -> heap(List.of(args).subList(1, args.length));
            case "hot" -> hot(Path.of(args[1]), args.length > 2 ? Integer.parseInt(args[2]) : 25,
                    List.of((args.length > 3 ? args[3] : "WorkPackage[,Coordinator[").split(",")));
            default -> throw new IllegalArgumentException("heap or hot");
        }
    }

    private static void heap(List<String> files) throws Exception {
        long used = 0;
        long committed = 0;
        for (String file : files) {
            for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(file))) {
                if (event.getEventType().getName().equals("jdk.GCHeapSummary")) {
                    used = Math.max(used, event.getLong("heapUsed"));
                    committed = Math.max(committed, event.getValue("heapSpace") instanceof jdk.jfr.consumer.RecordedObject space
                            ? space.getLong("committedSize") : 0);
                }
            }
        }
        System.out.printf(Locale.ROOT, "%.0f %.0f%n", used / 1048576.0, committed / 1048576.0);
    }

    private static void hot(Path file, int top, List<String> prefixes) throws Exception {
        Map<String, Long> selfJava = new HashMap<>();
        Map<String, Long> selfNative = new HashMap<>();
        Map<String, Long> inclusive = new HashMap<>();
        Map<String, Long> threads = new HashMap<>();
        Map<String, Long> doing = new LinkedHashMap<>();
        Map<String, Long> nearest = new HashMap<>();
        Map<String, Double> cpuByThread = new HashMap<>();
        double gcSeconds = 0;
        long collections = 0;
        long java = 0;
        long nativeSamples = 0;
        Instant first = null;
        Instant last = null;
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            String type = event.getEventType().getName();
            if (type.equals("jdk.ThreadCPULoad") && event.getThread("eventThread") != null) {
                cpuByThread.merge(group(event.getThread("eventThread").getJavaName()),
                        (double) event.getFloat("user") + event.getFloat("system"), Double::sum);
                continue;
            }
            if (type.equals("jdk.GarbageCollection")) {
                gcSeconds += event.getDuration("sumOfPauses").toNanos() / 1e9;
                collections++;
                continue;
            }
            boolean isJava = type.equals("jdk.ExecutionSample");
            if (!isJava && !type.equals("jdk.NativeMethodSample")) {
                continue;
            }
            RecordedStackTrace stack = event.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty()) {
                continue;
            }
            String thread = event.getThread("sampledThread") == null ? "?" : event.getThread("sampledThread").getJavaName();
            threads.merge(group(thread) + (isJava ? " (running)" : " (native)"), 1L, Long::sum);
            if (prefixes.stream().noneMatch(thread::contains)) {
                continue;
            }
            first = first == null || event.getStartTime().isBefore(first) ? event.getStartTime() : first;
            last = last == null || event.getStartTime().isAfter(last) ? event.getStartTime() : last;
            List<RecordedFrame> frames = stack.getFrames();
            String topFrame = name(frames.get(0));
            (isJava ? selfJava : selfNative).merge(topFrame, 1L, Long::sum);
            if (isJava) {
                java++;
            } else {
                nativeSamples++;
            }
            Set<String> seen = new HashSet<>();
            for (RecordedFrame frame : frames) {
                String method = name(frame);
                if (interesting(method) && seen.add(method)) {
                    inclusive.merge(method, 1L, Long::sum);
                }
            }
            doing.merge(activity(frames, isJava), 1L, Long::sum);
            nearest.merge(nearest(frames), 1L, Long::sum);
        }
        long all = java + nativeSamples;
        double cpu = cpuByThread.values().stream().mapToDouble(Double::doubleValue).sum();
        Map<String, Long> cpuShares = new HashMap<>();
        cpuByThread.forEach((thread, load) -> cpuShares.put(thread, Math.round(1000 * load / Math.max(cpu, 1e-9))));
        print("CPU by thread (jdk.ThreadCPULoad; shares of the JVM's threads' CPU, in tenths of a percent)", cpuShares, 1000, top);
        System.out.printf(Locale.ROOT, "%nGarbage collection: %d collections, %.1f s of pauses%n", collections, gcSeconds);
        print("Samples by thread (every thread)", threads, threads.values().stream().mapToLong(Long::longValue).sum(), top);
        System.out.println();
        System.out.printf(Locale.ROOT, "The threads %s...: %d samples from %s to %s, %d of Java code running, %d in native code%n",
                String.join("..., ", prefixes), all, first, last, java, nativeSamples);
        print("What the sampled threads are doing (first matching frame from the top)", doing, all, top);
        print("By the nearest frame of the service (org.chronicle), of Axon's stores, processors and buses, or a commit", nearest, all, top);
        print("Hot methods, Java code running (self)", selfJava, java, top);
        print("Native methods (self): mostly waiting for PostgreSQL's answer on the socket", selfNative, nativeSamples, 10);
        print("Methods anywhere in the stack (inclusive, all samples)", inclusive, all, top);
    }

    private static final Map<String, Predicate<String>> ACTIVITIES = new LinkedHashMap<>();

    static {
        ACTIVITIES.put("waiting for PostgreSQL (socket read)", m -> m.startsWith("sun.nio.ch.") || m.startsWith("java.net.Socket")
                || m.contains("SocketInputStream") || m.contains("NioSocketImpl") || m.startsWith("org.postgresql.core.PGStream.receive"));
        ACTIVITIES.put("JDBC driver (org.postgresql)", m -> m.startsWith("org.postgresql."));
        ACTIVITIES.put("HikariCP", m -> m.startsWith("com.zaxxer.hikari."));
        ACTIVITIES.put("Jackson (JSON)", m -> m.startsWith("com.fasterxml.jackson."));
        ACTIVITIES.put("Spring JDBC / transactions", m -> m.startsWith("org.springframework.jdbc.") || m.startsWith("org.springframework.transaction."));
        ACTIVITIES.put("Axon serialization / upcasting", m -> m.startsWith("org.axonframework.serialization."));
        ACTIVITIES.put("Axon event store (reading events)", m -> m.startsWith("org.axonframework.eventsourcing.eventstore."));
        ACTIVITIES.put("Axon token store", m -> m.startsWith("org.axonframework.eventhandling.tokenstore."));
        ACTIVITIES.put("Axon processing", m -> m.startsWith("org.axonframework."));
        ACTIVITIES.put("the service's own code (org.chronicle)", m -> m.startsWith("org.chronicle."));
        ACTIVITIES.put("JDK", m -> m.startsWith("java.") || m.startsWith("jdk.") || m.startsWith("sun."));
    }

    /** The first frame from the top that names a known activity: what the thread spends this sample on. */
    private static String activity(List<RecordedFrame> frames, boolean isJava) {
        for (RecordedFrame frame : frames) {
            String method = name(frame);
            for (Map.Entry<String, Predicate<String>> activity : ACTIVITIES.entrySet()) {
                if (activity.getValue().test(method)) {
                    return activity.getKey().equals("JDK") && !isJava ? "native (JDK)" : activity.getKey();
                }
            }
        }
        return "other";
    }

    /** Where a sample is, named by the first frame from the top that says so. */
    private static final java.util.regex.Pattern NAMED = java.util.regex.Pattern.compile(
            "org\\.chronicle\\..*"
            + "|org\\.axonframework\\.(eventsourcing|eventhandling\\.tokenstore|eventhandling\\.pooled|modelling|commandhandling)\\..*"
            + "|org\\.postgresql\\.jdbc\\.PgConnection\\.(commit|rollback)"
            + "|org\\.springframework\\.security\\.crypto\\..*");

    /**
     * The first frame from the top in the service's own code, in Axon's stores, processors or
     * buses, a commit, or password hashing: what the sampled thread is doing this for.
     */
    private static String nearest(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            String method = name(frame);
            if (NAMED.matcher(method).matches()) {
                return method;
            }
        }
        return "(elsewhere: " + activity(frames, true) + ")";
    }

    private static boolean interesting(String method) {
        return method.startsWith("org.chronicle.") || method.startsWith("org.axonframework.")
                || method.startsWith("org.springframework.jdbc.") || method.startsWith("org.postgresql.")
                || method.startsWith("com.fasterxml.jackson.") || method.startsWith("com.zaxxer.hikari.");
    }

    /** Worker threads lose their numbers, so that a pool shows as one line. */
    private static String group(String thread) {
        return thread.replaceAll("[-#]?\\d+", "-N");
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static void print(String title, Map<String, Long> counts, long total, int top) {
        System.out.println();
        System.out.println(title + ":");
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(top)
                .forEach(e -> System.out.printf(Locale.ROOT, "  %5.1f%%  %7d  %s%n",
                        total == 0 ? 0 : 100.0 * e.getValue() / total, e.getValue(), e.getKey()));
    }
}
