package org.chronicle.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** A small HTTP client for tests that talk to a running service the way its clients do. */
public final class Http {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final Map<String, String> headers;

    public Http(String base) {
        this(base, Map.of());
    }

    private Http(String base, Map<String, String> headers) {
        this.base = base;
        this.headers = Map.copyOf(headers);
    }

    public static Http local(int port) {
        return new Http("http://127.0.0.1:" + port);
    }

    /** The same client, sending HTTP Basic credentials. */
    public Http as(String username, String password) {
        String token = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return with("Authorization", "Basic " + token);
    }

    /** The same client, as the administrator the tests start every service with. */
    public Http asAdmin() {
        return as("admin", Accounts.ADMIN_PASSWORD);
    }

    /** The same client, sending one more header. */
    public Http with(String header, String value) {
        Map<String, String> more = new HashMap<>(headers);
        more.put(header, value);
        return new Http(base, more);
    }

    public Answer get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    public Answer put(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Answer post(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A POST of another kind of body, such as a CSV file. */
    public Answer postText(String path, String body, String contentType) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    /** Asks again until the answer satisfies {@code until} or the time is up; answers the last one. */
    public Answer getUntil(String path, Predicate<Answer> until, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        Answer answer = get(path);
        while (!until.test(answer) && System.nanoTime() < deadline) {
            pause();
            answer = get(path);
        }
        return answer;
    }

    private Answer send(HttpRequest.Builder request) {
        headers.forEach(request::header);
        try {
            // Patient: a synchronous import of a thousand rows takes seconds alone, and more than
            // thirty on a machine busy with other builds.
            HttpResponse<String> response = CLIENT.send(request.timeout(Duration.ofSeconds(120)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Retry-After").orElse(null), response.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A response: status, body, content type, Retry-After and every header. */
    public record Answer(int status, String body, String contentType, String retryAfter,
                         Map<String, List<String>> headers) {

        public Answer(int status, String body, String contentType, String retryAfter) {
            this(status, body, contentType, retryAfter, Map.of());
        }

        /** The first value of the header, or null; names are matched whatever their case. */
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("Not JSON: " + body, e);
            }
        }

        public boolean isProblem() {
            return contentType.startsWith("application/problem+json");
        }
    }
}
