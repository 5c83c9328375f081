package org.chronicle.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.chronicle.platform.testing.Http;
import org.chronicle.platform.testing.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Reads are open by default; {@code chronicle.security.reads=READER} closes them to accounts with a
 * role. The replay page and its assets stay public: only the API reads it makes need the role.
 */
@ServiceTest
@TestPropertySource(properties = "chronicle.security.reads=READER")
class ReadsClosedTest {

    private static final String DAY = "/api/v1/chronicles/rastan-2012/days/2012-01-31";


    @LocalServerPort
    int port;

    @Test
    void aReadWithoutAnAccountIs401AndHealthStaysOpen() {
        Http anonymous = Http.local(port);
        var refused = anonymous.get(DAY);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.isProblem()).isTrue();
        assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);
        assertThat(anonymous.asAdmin().get(DAY).status()).as("signed in, the chronicle is simply unknown")
                .isEqualTo(404);
    }

    @Test
    void thePageAndItsAssetsStayPublic() {
        Http anonymous = Http.local(port);
        var page = anonymous.get("/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("aria-label=\"Day\"");
        assertThat(page.header("Content-Security-Policy")).as("the page loads from its own origin only")
                .startsWith("default-src 'self'").contains("object-src 'none'").contains("frame-ancestors 'none'");
        assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        for (String asset : new String[] {"/index.html", "/page/replay.js", "/page/replay.css", "/page/settings",
                "/webjars/leaflet/dist/leaflet.js", "/webjars/leaflet/dist/leaflet.css",
                "/webjars/chart.js/dist/chart.umd.min.js"}) {
            assertThat(anonymous.get(asset).status()).as(asset).isEqualTo(200);
        }
        assertThat(anonymous.get("/page/settings").json().path("tileUrl").isNull()).as("no tiles by default").isTrue();
        assertThat(anonymous.get("/api/v1/chronicles").status()).as("the API reads follow the setting").isEqualTo(401);
    }
}
