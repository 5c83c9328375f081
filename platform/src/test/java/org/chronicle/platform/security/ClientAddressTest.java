package org.chronicle.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** X-Forwarded-For is believed from trusted proxies only. */
class ClientAddressTest {

    @Test
    void withoutTrustedProxiesTheClientIsThePeerWhateverItForwards() {
        ClientAddress clients = ClientAddress.trusting("");
        assertThat(clients.of("203.0.113.9", List.of("198.51.100.1"))).isEqualTo("203.0.113.9");
        assertThat(clients.of("127.0.0.1", List.of("198.51.100.1, 198.51.100.2"))).isEqualTo("127.0.0.1");
        assertThat(ClientAddress.trusting(null).of("127.0.0.1", List.of("198.51.100.1"))).isEqualTo("127.0.0.1");
    }

    @Test
    void aPeerOutsideTheListIsTheClient() {
        ClientAddress clients = ClientAddress.trusting("172.30.80.10, 10.0.0.0/8");
        assertThat(clients.of("172.30.80.11", List.of("198.51.100.1"))).isEqualTo("172.30.80.11");
        assertThat(clients.of("11.0.0.1", List.of("198.51.100.1"))).isEqualTo("11.0.0.1");
    }

    @Test
    void aTrustedProxyForwardsTheClient() {
        ClientAddress clients = ClientAddress.trusting("172.30.80.10, 10.0.0.0/8, fd00::/8");
        assertThat(clients.of("172.30.80.10", List.of("198.51.100.1"))).isEqualTo("198.51.100.1");
        assertThat(clients.of("10.200.3.4", List.of("198.51.100.1"))).isEqualTo("198.51.100.1");
        assertThat(clients.of("fd12::1", List.of("2001:db8::7"))).isEqualTo("2001:db8::7");
        assertThat(clients.of("172.30.80.10", List.of())).as("nothing forwarded").isEqualTo("172.30.80.10");
    }

    /** What the client wrote itself stands left of what the proxies appended: it is never believed. */
    @Test
    void theClientIsTheRightMostAddressNoTrustedProxyStandsFor() {
        ClientAddress clients = ClientAddress.trusting("172.30.80.10, 10.0.0.0/8");
        assertThat(clients.of("172.30.80.10", List.of("1.2.3.4, 198.51.100.1, 10.1.1.1"))).isEqualTo("198.51.100.1");
        assertThat(clients.of("172.30.80.10", List.of("1.2.3.4", "198.51.100.1"))).isEqualTo("198.51.100.1");
        assertThat(clients.of("172.30.80.10", List.of("made-up, 10.1.1.1"))).isEqualTo("made-up");
    }

    @Test
    void aNameOrABadBlockStopsTheStart() {
        assertThatThrownBy(() -> ClientAddress.trusting("proxy")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("chronicle.security.trusted-proxies").hasMessageContaining("'proxy'");
        assertThatThrownBy(() -> ClientAddress.trusting("10.0.0.0/33")).isInstanceOf(IllegalArgumentException.class);
    }
}
