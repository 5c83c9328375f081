package org.chronicle.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;

/**
 * A running service, over its HTTP API. Writes authenticate with {@code CHRONICLE_AUTH}
 * ({@code user:password}). A large import runs as a job on the service; its progress is polled.
 */
class RemoteService implements Service {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private final String authorization;

    RemoteService(String base, String credentials) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.authorization = credentials == null ? null
                : "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    /** A running service is read as it stands: its head is an administrator's to know. */
    @Override
    public String consistency() {
        return "";
    }

    @Override
    public JsonNode get(String path) {
        return json(send(request(path).GET()));
    }

    @Override
    public String getText(String path) {
        return send(request(path).GET()).body();
    }

    @Override
    public JsonNode importFile(String chronicleId, String format, Path file, Progress progress) {
        try {
            HttpResponse<String> answer = send(request("/api/v1/chronicles/" + chronicleId + "/imports?format=" + format)
                    .header("Content-Type", format.equals("json") ? "application/json" : "text/csv")
                    .POST(HttpRequest.BodyPublishers.ofFile(file)));
            JsonNode result = json(answer);
            if (answer.statusCode() != 202) {
                return result;
            }
            String job = answer.headers().firstValue("Location").orElseThrow();
            while (true) {
                JsonNode state = get(job);
                progress.at(state.path("processed").asLong(), state.path("total").asLong());
                if (!state.path("status").asText().equals("RUNNING")) {
                    return state;
                }
                Thread.sleep(500);
            }
        } catch (IOException e) {
            throw new CliFailure("Cannot read " + file + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure("Interrupted");
        }
    }

    @Override
    public JsonNode rebuild(String projection) {
        return json(send(request("/api/v1/admin/projections/" + projection + "/rebuild")
                .POST(HttpRequest.BodyPublishers.noBody())));
    }

    @Override
    public void close() {
        // Nothing held between requests.
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(30));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> answer = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() >= 400) {
                throw new CliFailure(problem(answer));
            }
            return answer;
        } catch (IOException e) {
            throw new CliFailure("Cannot reach " + base + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure("Interrupted");
        }
    }

    /** The problem's detail and the fields at fault, as the service gave them. */
    private static String problem(HttpResponse<String> answer) {
        try {
            JsonNode problem = JSON.readTree(answer.body());
            StringBuilder text = new StringBuilder(answer.statusCode() + " " + problem.path("title").asText(""));
            if (problem.hasNonNull("detail")) {
                text.append(": ").append(problem.path("detail").asText());
            }
            problem.path("errors").forEach(error -> text.append("\n  ").append(error.path("field").asText())
                    .append(": ").append(error.path("message").asText()));
            return text.toString();
        } catch (IOException e) {
            return answer.statusCode() + " " + answer.body();
        }
    }

    private static JsonNode json(HttpResponse<String> answer) {
        try {
            return JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new CliFailure("The service answered something other than JSON: " + e.getMessage());
        }
    }
}
