package org.chronicle.command;

import static org.assertj.core.api.Assertions.assertThat;

import org.chronicle.platform.testing.Http;
import org.chronicle.platform.testing.Rastan;
import org.junit.jupiter.api.Test;
import org.chronicle.platform.testing.ServiceTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Behind a trusted proxy (here the test itself, at 127.0.0.1) failed sign-ins are counted per
 * forwarded client: the proxy's other clients go on while one of them is told to wait.
 */
@ServiceTest
@TestPropertySource(properties = {"chronicle.security.sign-in.max-failures=2", "chronicle.security.sign-in.window=1h",
        "chronicle.security.trusted-proxies=10.0.0.0/8, 127.0.0.1"})
class TrustedProxyTest {

    private static final String REPORTS = "/api/v1/chronicles/rastan-2012/reports";

    @LocalServerPort
    int port;

    @Test
    void aForwardedClientIsCountedAloneAndTheProxysOtherClientsGoOn() {
        Http guesser = Http.local(port).as("admin", "not-the-password").with("X-Forwarded-For", "198.51.100.7");
        assertThat(guesser.post(REPORTS, Rastan.casualties("r-1", "2012-01-31", 1)).status()).isEqualTo(401);
        assertThat(guesser.post(REPORTS, Rastan.casualties("r-2", "2012-01-31", 1)).status()).isEqualTo(401);
        assertThat(guesser.post(REPORTS, Rastan.casualties("r-3", "2012-01-31", 1)).status()).isEqualTo(429);

        Http another = Http.local(port).asAdmin().with("X-Forwarded-For", "198.51.100.8");
        assertThat(another.put("/api/v1/chronicles/rastan-2012", Rastan.CHRONICLE).status())
                .as("another client behind the same proxy").isEqualTo(201);
        assertThat(Http.local(port).asAdmin().with("X-Forwarded-For", "203.0.113.5, 198.51.100.7")
                .post(REPORTS, Rastan.casualties("r-4", "2012-01-31", 1)).status())
                .as("the guesser's address, whatever it writes before it").isEqualTo(429);
    }
}
