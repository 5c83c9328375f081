package org.chronicle.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The page's sources: its own origin, and the map's tile server only when one is configured. */
class ContentSecurityPolicyTest {

    @Test
    void onlyTheServiceItselfByDefault() {
        assertThat(SecurityConfiguration.contentSecurityPolicy(""))
                .contains("default-src 'self';", "img-src 'self' data:;", "connect-src 'self';")
                .doesNotContain("http");
    }

    @Test
    void aConfiguredTileServerMayServeImagesAndNothingElse() {
        String policy = SecurityConfiguration.contentSecurityPolicy("https://tiles.example.org:8443/{z}/{x}/{y}.png");
        assertThat(policy).contains("img-src 'self' data: https://tiles.example.org:8443;")
                .contains("connect-src 'self';", "script-src 'self';");
    }
}
