package org.chronicle.app;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local HTTP proxy that forwards nothing: it writes down the first line of every request that
 * reaches it and closes the connection. A process told to use it for HTTP and HTTPS shows here
 * every call it tries to make to another host.
 */
final class RecordingProxy implements AutoCloseable {

    private final ServerSocket socket;
    private final List<String> requests = new CopyOnWriteArrayList<>();

    RecordingProxy() throws IOException {
        socket = new ServerSocket(0);
        Thread accepting = new Thread(this::accept, "recording-proxy");
        accepting.setDaemon(true);
        accepting.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    List<String> requests() {
        return List.copyOf(requests);
    }

    /** JVM options that send every HTTP and HTTPS call of a process through this proxy. */
    List<String> jvmOptions() {
        String port = Integer.toString(port());
        return List.of("-Dhttp.proxyHost=127.0.0.1", "-Dhttp.proxyPort=" + port,
                "-Dhttps.proxyHost=127.0.0.1", "-Dhttps.proxyPort=" + port);
    }

    private void accept() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept(); InputStream in = client.getInputStream()) {
                requests.add(firstLine(in));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static String firstLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c >= 0 && c != '\n' && line.length() < 2000; c = in.read()) {
            line.append((char) c);
        }
        return new String(line.toString().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8).trim();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
