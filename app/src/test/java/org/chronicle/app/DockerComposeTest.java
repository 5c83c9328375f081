package org.chronicle.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * No Docker engine runs where the tests run, so the production shape is checked as text: the
 * compose file parses, wires the services as ARCHITECTURE.md says, and the proxy routes by method.
 */
class DockerComposeTest {

    private static final Path ROOT = Path.of("..");
    /** The proxy's fixed address in the compose network, the one the services trust. */
    private static final String PROXY = "172.30.80.10";

    @Test
    @SuppressWarnings("unchecked")
    void theComposeFileWiresPostgresBothSidesAndTheProxy() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");

        assertThat(services).containsOnlyKeys("postgres", "command-side", "query-side", "proxy");
        services.forEach((name, service) -> assertThat(service).as(name).containsKey("healthcheck"));
        for (String side : List.of("command-side", "query-side")) {
            Map<String, Object> env = (Map<String, Object>) services.get(side).get("environment");
            assertThat(String.valueOf(env.get("AXONIQ_UPDATE_CHECKER_DISABLED"))).as(side).isEqualTo("true");
            // Failed sign-ins are counted per client, which only the proxy's header tells, and only
            // the proxy's: Tomcat's own reading of the header would believe any private address.
            assertThat(String.valueOf(env.get("CHRONICLE_SECURITY_TRUSTED_PROXIES"))).as(side).isEqualTo(PROXY);
            assertThat(env).as(side).doesNotContainKey("SERVER_FORWARD_HEADERS_STRATEGY");
            assertThat(String.valueOf(env.get("CHRONICLE_DB_URL"))).as(side)
                    .startsWith("jdbc:postgresql://postgres:5432/");
            Map<String, Object> dependsOn = (Map<String, Object>) services.get(side).get("depends_on");
            assertThat(dependsOn).as(side).containsKey("postgres");
        }
        Map<String, Object> proxyNetworks = (Map<String, Object>) services.get("proxy").get("networks");
        assertThat(((Map<String, Object>) proxyNetworks.get("default")).get("ipv4_address")).isEqualTo(PROXY);
        Map<String, Object> proxyDependsOn = (Map<String, Object>) services.get("proxy").get("depends_on");
        assertThat(proxyDependsOn).containsKeys("command-side", "query-side");
    }

    @Test
    void theProxySendsWritesToTheCommandSideAndReadsToTheQuerySide() throws IOException {
        String nginx = Files.readString(ROOT.resolve("docker/nginx.conf"));
        assertThat(nginx).containsPattern("location /api/v1/imports/ \\{\\s+proxy_pass http://command_side;");
        assertThat(nginx).containsPattern("POST\\s+command_side;")
                .containsPattern("PUT\\s+command_side;")
                .containsPattern("default\\s+query_side;")
                .containsPattern("server\\s+command-side:8081;")
                .containsPattern("server\\s+query-side:8082;")
                .contains("proxy_pass http://$chronicle_upstream;");
        // Set, not appended to: a client's own X-Forwarded-For never reaches the services.
        assertThat(nginx).doesNotContain("$proxy_add_x_forwarded_for")
                .contains("proxy_set_header X-Forwarded-For $remote_addr;");
    }
}
