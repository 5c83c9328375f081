package org.chronicle.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.chronicle.platform.testing.Http.Answer;

/**
 * What the replay page does over HTTP: keeps its cookies (the session's and the CSRF token's, for
 * every port of the host, as a browser does) and echoes the CSRF cookie as {@code X-XSRF-TOKEN}.
 */
public final class Browser {

    private final CookieManager cookies = new CookieManager();
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private boolean echoingCsrfToken = true;

    /** Whether requests echo the CSRF cookie, as the page does; a forged request does not. */
    public Browser echoCsrfToken(boolean echo) {
        echoingCsrfToken = echo;
        return this;
    }

    /** Whether the browser holds a cookie of that name (a session, the CSRF token). */
    public boolean hasCookie(String name) {
        return cookies.getCookieStore().getCookies().stream().anyMatch(c -> c.getName().equals(name));
    }

    /** Signs in at {@code /api/v1/session} of the service on {@code port}, fetching the CSRF token first. */
    public Answer signIn(int port, String username, String password) {
        send(port, "GET", "/api/v1/session", null);
        return send(port, "POST", "/api/v1/session",
                "{\"username\": \"%s\", \"password\": \"%s\"}".formatted(username, password));
    }

    public Answer send(int port, String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (echoingCsrfToken) {
            cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                    .map(HttpCookie::getValue).findFirst().ifPresent(token -> request.header("X-XSRF-TOKEN", token));
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse(""), null, response.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
