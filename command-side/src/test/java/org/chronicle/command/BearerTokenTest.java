package org.chronicle.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.chronicle.platform.testing.Http;
import org.chronicle.platform.testing.Rastan;
import org.chronicle.platform.testing.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With an OAuth2 key configured, bearer tokens are accepted beside HTTP Basic; their {@code roles}
 * claim decides. The key is a local file, so the test needs no issuer on the network.
 */
@ServiceTest
class BearerTokenTest {

    private static final KeyPair KEYS = keys();
    private static final KeyPair STRANGER = keys();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws Exception {
        Path key = Files.createTempFile("issuer", ".pem");
        key.toFile().deleteOnExit();
        Files.writeString(key, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(KEYS.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> "file:" + key);
    }

    @LocalServerPort
    int port;

    @Test
    void anEditorsTokenWritesAndAReadersDoesNot() throws Exception {
        Http anonymous = Http.local(port);
        anonymous.asAdmin().put("/api/v1/chronicles/rastan-2012", Rastan.CHRONICLE);
        String reports = "/api/v1/chronicles/rastan-2012/reports";

        assertThat(bearer(anonymous, token(KEYS, "analyst", "EDITOR"))
                .post(reports, Rastan.casualties("r-token", "2012-01-31", 1)).status()).isEqualTo(201);
        assertThat(bearer(anonymous, token(KEYS, "viewer", "READER"))
                .post(reports, Rastan.casualties("r-viewer", "2012-01-31", 1)).status()).isEqualTo(403);
        assertThat(bearer(anonymous, token(STRANGER, "intruder", "ADMIN"))
                .post(reports, Rastan.casualties("r-forged", "2012-01-31", 1)).status()).isEqualTo(401);
        assertThat(bearer(anonymous, token(KEYS, "analyst", "EDITOR"))
                .get("/api/v1/admin/accounts").status()).isEqualTo(403);
    }

    private static Http bearer(Http http, String token) {
        return http.with("Authorization", "Bearer " + token);
    }

    private static String token(KeyPair keys, String subject, String role) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), new JWTClaimsSet.Builder()
                .subject(subject)
                .claim("roles", List.of(role))
                .issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(300)))
                .build());
        jwt.sign(new RSASSASigner((RSAPrivateKey) keys.getPrivate()));
        return jwt.serialize();
    }

    private static KeyPair keys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
