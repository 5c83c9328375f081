package org.chronicle.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.chronicle.platform.testing.Http;

/** A Chronicle jar started with {@code java -jar}, as an operator starts it, and stopped at the end. */
final class ServiceProcess implements AutoCloseable {

    private final Process process;
    private final Path log;
    final int port;
    final Http http;

    private ServiceProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
        this.http = Http.local(port);
    }

    /**
     * Starts the jar in {@code workDir} and waits until its health answers UP. A jar starts in
     * seconds on a quiet machine and has been seen to take over 90 on a shared one at full load.
     */
    static ServiceProcess start(Path jar, Path workDir, Map<String, String> env, String... jvmArgs) {
        ServiceProcess service = launch(jar, workDir, env, jvmArgs);
        service.awaitHealthy(Duration.ofSeconds(180));
        return service;
    }

    /** Starts the jar in {@code workDir} and answers at once, whatever becomes of it. */
    static ServiceProcess launch(Path jar, Path workDir, Map<String, String> env, String... jvmArgs) {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx512m"));
        command.addAll(List.of(jvmArgs));
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
        try {
            Files.createDirectories(workDir);
            Path log = workDir.resolve(jar.getFileName() + "." + port + ".log");
            ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().remove("CHRONICLE_DB_URL");
            builder.environment().putAll(env);
            builder.environment().put("PORT", Integer.toString(port));
            return new ServiceProcess(builder.start(), log, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The runnable jar a module built: {@code <module>/target/<module>-<version>[-exec].jar}. */
    static Path jarOf(String module) {
        Path target = Path.of("..", module, "target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(p -> p.getFileName().toString().endsWith(module.equals("app") ? "SNAPSHOT.jar" : "-exec.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("No runnable jar in " + target + ": run mvn verify"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The operating system's id of the process: Axon's token owner is {@code <pid>@<host>}. */
    long pid() {
        return process.pid();
    }

    /** Ends the process at once (SIGKILL): no shutdown hook runs, no claim is released. */
    void kill() {
        try {
            process.destroyForcibly().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The errors the service logged, each with the first lines of its stack trace: what a failed test shows. */
    String loggedErrors() {
        StringBuilder errors = new StringBuilder();
        int traceLines = 0;
        for (String line : log().split("\n")) {
            if (line.contains(" ERROR ")) {
                errors.append(line).append('\n');
                traceLines = 40;
            } else if (traceLines > 0 && !line.matches("^\\d{4}-\\d{2}-\\d{2}T.*")) {
                errors.append(line).append('\n');
                traceLines--;
            } else {
                traceLines = 0;
            }
        }
        return errors.toString();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Waits until health answers UP; a service that dies or takes longer is stopped, and its log told. */
    void awaitHealthy(Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The service died at start:\n" + log());
            }
            try {
                if (http.get("/actuator/health").body().contains("\"UP\"")) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // Not listening yet.
            }
            sleep(250);
        }
        close();
        throw new IllegalStateException("The service did not become healthy in " + patience + ":\n" + log());
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
