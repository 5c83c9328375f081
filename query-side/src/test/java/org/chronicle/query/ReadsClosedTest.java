package org.chronicle.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.chronicle.platform.testing.Http;
import org.chronicle.platform.testing.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** Reads are open by default; {@code chronicle.security.reads=READER} closes them to accounts with a role. */
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
}
