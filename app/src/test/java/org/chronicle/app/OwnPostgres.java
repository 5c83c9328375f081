package org.chronicle.app;

import com.sun.security.auth.module.UnixSystem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster of the test's own, made with {@code initdb} in a fresh temporary folder and
 * listening on 127.0.0.1 on a free port, so that a test may stop and restart its database without
 * touching the server that every other test shares. Trust authentication; user {@code postgres}.
 * PostgreSQL refuses to run as root, so under root (as CI runs) every command runs as the
 * {@code postgres} user, which then owns the folder. {@link #close} stops the server and deletes
 * the folder; a shutdown hook does the same if the test JVM ends first.
 */
final class OwnPostgres implements AutoCloseable {

    private static final Path INSTALLED = Path.of("/usr/lib/postgresql");
    private static final String SERVER_USER = "postgres";

    private final Path bin;
    private final Path home;
    private final Path data;
    private final Path serverLog;
    private final boolean asServerUser;
    final int port;
    private final Thread cleanUpAtExit = new Thread(this::cleanUp, "own-postgres-clean-up");

    private OwnPostgres(Path bin, Path home, int port, boolean asServerUser) {
        this.bin = bin;
        this.home = home;
        this.data = home.resolve("data");
        this.serverLog = home.resolve("server.log");
        this.port = port;
        this.asServerUser = asServerUser;
    }

    /** A new cluster, initialised but not started. */
    static OwnPostgres create() {
        Path bin = binaries();
        boolean root = new UnixSystem().getUid() == 0;
        Path home;
        try {
            home = Files.createTempDirectory("chronicle-own-postgres-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        OwnPostgres postgres = new OwnPostgres(bin, home, freePort(), root);
        Runtime.getRuntime().addShutdownHook(postgres.cleanUpAtExit);
        try {
            if (root) {
                run(List.of("chown", "-R", SERVER_USER + ":", home.toString()));
            }
            postgres.pg("initdb", "-D", postgres.data.toString(), "-U", SERVER_USER, "--auth=trust",
                    "--encoding=UTF8", "--locale=C", "--no-sync", "--no-instructions");
            postgres.configure();
            return postgres;
        } catch (RuntimeException e) {
            postgres.close();
            throw e;
        }
    }

    /** A JDBC URL of the cluster's {@code postgres} database, as the service is given it. */
    String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=" + SERVER_USER;
    }

    synchronized void start() {
        try {
            pg("pg_ctl", "-D", data.toString(), "-l", serverLog.toString(), "-w", "-t", "60", "start");
        } catch (IllegalStateException e) {
            // pg_ctl says only that the start failed; the server's log says why.
            throw new IllegalStateException(e.getMessage() + "\n" + serverLog(), e);
        }
    }

    /** A fast shutdown, as an operator stops a server: open sessions are ended, their work rolled back. */
    synchronized void stop() {
        pg("pg_ctl", "-D", data.toString(), "-m", "fast", "-w", "-t", "60", "stop");
    }

    /**
     * A crash: every server process is ended at once, with no checkpoint and no goodbye to a
     * session, as when the machine loses power; the next {@link #start} recovers from the WAL.
     */
    synchronized void crash() {
        pg("pg_ctl", "-D", data.toString(), "-m", "immediate", "-w", "-t", "60", "stop");
    }

    @Override
    public void close() {
        cleanUp();
        try {
            Runtime.getRuntime().removeShutdownHook(cleanUpAtExit);
        } catch (IllegalStateException exiting) {
            // The JVM is already shutting down: the hook runs, and finds nothing left to do.
        }
    }

    private String serverLog() {
        try {
            return Files.exists(serverLog) ? Files.readString(serverLog) : "";
        } catch (IOException e) {
            return "(the server's log cannot be read: " + e.getMessage() + ")";
        }
    }

    private synchronized void cleanUp() {
        // The pid file is there from a start (even one that failed half-way) until the server has stopped.
        if (Files.exists(data.resolve("postmaster.pid"))) {
            try {
                pg("pg_ctl", "-D", data.toString(), "-m", "immediate", "-w", "-t", "60", "stop");
            } catch (RuntimeException alreadyGone) {
                // Nothing left to stop; the folder goes all the same.
            }
        }
        if (Files.exists(home)) {
            try (Stream<Path> files = Files.walk(home)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private void configure() {
        String settings = """

                listen_addresses = '127.0.0.1'
                port = %d
                unix_socket_directories = '%s'
                max_connections = 40
                shared_buffers = 16MB
                """.formatted(port, home);
        try {
            Files.writeString(data.resolve("postgresql.conf"), settings, StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs one of the server's programs, as the {@code postgres} user when this JVM is root. */
    private void pg(String program, String... arguments) {
        List<String> command = new ArrayList<>();
        if (asServerUser) {
            command.addAll(List.of("runuser", "-u", SERVER_USER, "--"));
        }
        command.add(bin.resolve(program).toString());
        command.addAll(List.of(arguments));
        run(command, home);
    }

    private static String run(List<String> command) {
        return run(command, null);
    }

    private static String run(List<String> command, Path directory) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            if (directory != null) {
                // The server user may not enter the test's working folder.
                builder.directory(directory.toFile());
            }
            Process process = builder.start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("Timed out: " + String.join(" ", command) + "\n" + output);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("Failed (" + process.exitValue() + "): " + String.join(" ", command)
                        + "\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The newest installed version's {@code bin}, which must hold {@code initdb} and {@code pg_ctl}. */
    private static Path binaries() {
        List<Path> versions = List.of();
        if (Files.isDirectory(INSTALLED)) {
            try (Stream<Path> dirs = Files.list(INSTALLED)) {
                versions = dirs.filter(dir -> Files.isExecutable(dir.resolve("bin").resolve("initdb"))
                                && Files.isExecutable(dir.resolve("bin").resolve("pg_ctl")))
                        .sorted(Comparator.comparing(OwnPostgres::majorVersion))
                        .toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (versions.isEmpty()) {
            throw new IllegalStateException("This test runs a PostgreSQL server of its own and needs the server's "
                    + "programs initdb and pg_ctl under " + INSTALLED + "/<version>/bin; none are there. Install "
                    + "the PostgreSQL server package (Debian: postgresql).");
        }
        return versions.get(versions.size() - 1).resolve("bin");
    }

    private static int majorVersion(Path dir) {
        try {
            return Integer.parseInt(dir.getFileName().toString().replaceAll("\\..*", ""));
        } catch (NumberFormatException notAVersion) {
            return -1;
        }
    }

    private static int freePort() {
        int port;
        do {
            port = ServiceProcess.freePort();
        } while (port == 5432);
        return port;
    }
}
