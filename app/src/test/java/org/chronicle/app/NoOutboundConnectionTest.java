package org.chronicle.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.chronicle.platform.launch.Launch;
import org.chronicle.platform.launch.NoOutboundCalls;
import org.chronicle.platform.testing.Accounts;
import org.chronicle.platform.testing.Http;
import org.chronicle.platform.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the service the way its main method does, with a {@link ProxySelector} that refuses and
 * records every non-loopback address, and with Axon told that this is not a test run (it skips
 * its update check in tests). The service starts, serves, and asks for no other host.
 */
class NoOutboundConnectionTest {

    private static final String FORCE_PRODUCTION = "axoniq.usage.force-test-environment";
    private final Refusing selector = new Refusing();
    private ProxySelector previous;

    @BeforeEach
    void install() {
        previous = ProxySelector.getDefault();
        ProxySelector.setDefault(selector);
        System.setProperty(FORCE_PRODUCTION, "true");
        System.clearProperty(NoOutboundCalls.UPDATE_CHECK_PROPERTY);
    }

    @AfterEach
    void restore() {
        ProxySelector.setDefault(previous);
        System.clearProperty(FORCE_PRODUCTION);
    }

    @Test
    void theServiceStartsAndServesWithoutCallingOut() throws Exception {
        String db = TestDatabase.create(NoOutboundConnectionTest.class);
        try (ConfigurableApplicationContext service = Launch.run(ChronicleApp.class,
                // Bound to loopback: Tomcat wakes its own acceptor at shutdown by connecting to it.
                "--server.port=0", "--server.address=127.0.0.1", "--spring.datasource.url=" + db,
                "--chronicle.admin.password=" + Accounts.ADMIN_PASSWORD)) {
            assertThat(System.getProperty(NoOutboundCalls.UPDATE_CHECK_PROPERTY)).isEqualTo("true");
            Http http = Http.local(Integer.parseInt(service.getEnvironment().getProperty("local.server.port")));
            Slice.record(http.asAdmin());
            Slice.answered(http);
            Thread.sleep(2_500); // the update check would fire one second after start
        }
        assertThat(selector.outbound).isEmpty();
    }

    /** Answers a dead local proxy for any other host, so that nothing could leave even if asked. */
    private static final class Refusing extends ProxySelector {
        final List<URI> outbound = new CopyOnWriteArrayList<>();

        @Override
        public List<Proxy> select(URI uri) {
            if (isLoopback(uri.getHost())) {
                return List.of(Proxy.NO_PROXY);
            }
            outbound.add(uri);
            return List.of(new Proxy(Proxy.Type.HTTP, new InetSocketAddress("127.0.0.1", 9)));
        }

        @Override
        public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
        }

        private static boolean isLoopback(String host) {
            if (host == null || host.equals("localhost")) {
                return host != null;
            }
            try {
                return host.matches("[0-9.:\\[\\]]+") && InetAddress.getByName(host).isLoopbackAddress();
            } catch (UnknownHostException e) {
                return false;
            }
        }
    }
}
