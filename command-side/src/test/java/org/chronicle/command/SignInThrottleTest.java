package org.chronicle.command;

import static org.assertj.core.api.Assertions.assertThat;

import org.chronicle.platform.testing.Http;
import org.chronicle.platform.testing.Http.Answer;
import org.chronicle.platform.testing.Rastan;
import org.chronicle.platform.testing.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Failed sign-ins from one address are counted, by HTTP Basic and by the page's sign-in alike;
 * past the limit the address is answered 429 with Retry-After, without its password being
 * checked, even a right one, while other requests go on as before. An X-Forwarded-For that the
 * guesser writes itself changes nothing: no proxy is trusted by default.
 */
@ServiceTest
@TestPropertySource(properties = {"chronicle.security.sign-in.max-failures=3", "chronicle.security.sign-in.window=1h"})
class SignInThrottleTest {

    @LocalServerPort
    int port;

    @Test
    void anAddressThatKeepsGuessingIsToldToWait() {
        Http guesser = Http.local(port).as("admin", "not-the-password");
        Http rotating = guesser.with("X-Forwarded-For", "198.51.100.1");
        Http admin = Http.local(port).asAdmin();
        assertThat(admin.put("/api/v1/chronicles/rastan-2012", Rastan.CHRONICLE).status()).as("a right password").isEqualTo(201);

        assertThat(rotating.post("/api/v1/chronicles/rastan-2012/reports", Rastan.casualties("r-1", "2012-01-31", 1))
                .status()).isEqualTo(401);
        Answer pageSignIn = page().with("X-Forwarded-For", "198.51.100.2").post("/api/v1/session", "{\"username\": \"admin\", \"password\": \"wrong\"}");
        assertThat(pageSignIn.status()).as(pageSignIn.body()).isEqualTo(401);
        assertThat(guesser.with("X-Forwarded-For", "198.51.100.3")
                .post("/api/v1/chronicles/rastan-2012/reports", Rastan.casualties("r-2", "2012-01-31", 1))
                .status()).isEqualTo(401);

        Answer throttled = guesser.with("X-Forwarded-For", "198.51.100.4").post("/api/v1/chronicles/rastan-2012/reports", Rastan.casualties("r-3", "2012-01-31", 1));
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.isProblem()).isTrue();
        assertThat(throttled.json().path("type").asText()).isEqualTo("urn:chronicle:problem:too-many-sign-ins");
        assertThat(Long.parseLong(throttled.retryAfter())).isBetween(1L, 3600L);

        Answer rightPassword = admin.post("/api/v1/chronicles/rastan-2012/reports", Rastan.casualties("r-4", "2012-01-31", 1));
        assertThat(rightPassword.status()).as("the address waits, whoever signs in").isEqualTo(429);
        assertThat(Http.local(port).get("/actuator/health").status()).as("requests without credentials go on")
                .isEqualTo(200);
    }

    /** The page's client: the CSRF token it was handed, as cookie and header. */
    private Http page() {
        String cookie = Http.local(port).get("/api/v1/session").header("Set-Cookie");
        assertThat(cookie).startsWith("XSRF-TOKEN=");
        String token = cookie.substring("XSRF-TOKEN=".length(), cookie.indexOf(';'));
        return Http.local(port).with("Cookie", "XSRF-TOKEN=" + token).with("X-XSRF-TOKEN", token);
    }
}
