package org.chronicle.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The gate in front of the Rastan chronicle while its seed is loaded and projected. */
class SeedReadinessTest {

    @Test
    void whileSeedingRastanAnswers503WithRetryAfterAndOtherChroniclesPassThrough() throws Exception {
        SeedReadiness readiness = new SeedReadiness(true);
        assertThat(readiness.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);

        MockHttpServletResponse rastan = get(readiness, "/api/v1/chronicles/rastan-2012/days/2012-02-05");
        assertThat(rastan.getStatus()).isEqualTo(503);
        assertThat(rastan.getHeader("Retry-After")).isEqualTo("1");
        assertThat(rastan.getContentType()).startsWith("application/problem+json");
        assertThat(rastan.getContentAsString()).contains("\"status\":503");

        assertThat(get(readiness, "/api/v1/chronicles/rastan-2012").getStatus()).isEqualTo(503);
        assertThat(get(readiness, "/api/v1/chronicles/rastan-2012x/days/2012-02-05").getStatus()).isEqualTo(200);
        assertThat(get(readiness, "/api/v1/chronicles").getStatus()).isEqualTo(200);

        readiness.seeded();
        assertThat(readiness.health().getStatus()).isEqualTo(Status.UP);
        assertThat(get(readiness, "/api/v1/chronicles/rastan-2012/days/2012-02-05").getStatus()).isEqualTo(200);
    }

    @Test
    void withoutTheSeedThereIsNothingToWaitFor() {
        assertThat(new SeedReadiness(false).health().getStatus()).isEqualTo(Status.UP);
    }

    private static MockHttpServletResponse get(SeedReadiness readiness, String path) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        MockHttpServletResponse response = new MockHttpServletResponse();
        readiness.doFilter(request, response, new MockFilterChain());
        return response;
    }
}
