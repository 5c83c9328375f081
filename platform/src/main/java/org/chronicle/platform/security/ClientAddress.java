package org.chronicle.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The address a request comes from, as the sign-in throttle counts it. X-Forwarded-For is anyone's
 * to write, so it is believed only when the direct peer is one of {@code chronicle.security.trusted-proxies}
 * (addresses or CIDR blocks): then the client is the right-most address in it that is not itself
 * a trusted proxy. Without trusted proxies (the default) the client is the peer, whatever the
 * header says.
 */
final class ClientAddress {

    /** IPv4 dotted quads and IPv6 literals: anything else would be looked up as a name. */
    private static final Pattern LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}|[0-9A-Fa-f]*:[0-9A-Fa-f:.]*");

    private final List<Block> trusted;

    private ClientAddress(List<Block> trusted) {
        this.trusted = trusted;
    }

    /** A comma-separated list such as {@code 172.30.80.10, 10.0.0.0/8, fd00::/8}; blank trusts none. */
    static ClientAddress trusting(String proxies) {
        List<Block> blocks = Arrays.stream(proxies == null ? new String[0] : proxies.split(","))
                .map(String::strip).filter(entry -> !entry.isEmpty()).map(Block::parse).toList();
        return new ClientAddress(blocks);
    }

    String of(HttpServletRequest request) {
        return of(request.getRemoteAddr(), Collections.list(request.getHeaders("X-Forwarded-For")));
    }

    /** The peer, or the right-most forwarded address that no trusted proxy stands for. */
    String of(String peer, List<String> forwardedFor) {
        if (!isTrusted(peer)) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        forwardedFor.forEach(header -> Arrays.stream(header.split(",")).map(String::strip)
                .filter(hop -> !hop.isEmpty()).forEach(hops::add));
        String client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            client = hops.get(i);
            if (!isTrusted(client)) {
                return client;
            }
        }
        return client;
    }

    private boolean isTrusted(String address) {
        if (trusted.isEmpty() || !LITERAL.matcher(address).matches()) {
            return false;
        }
        byte[] bytes = bytes(address);
        return bytes != null && trusted.stream().anyMatch(block -> block.contains(bytes));
    }

    /** Only for literals, which need no DNS. */
    private static byte[] bytes(String literal) {
        try {
            return InetAddress.getByName(literal).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private record Block(byte[] network, int prefix) {

        /** Only literals: a name in the list would make requests wait for DNS, and names can change. */
        static Block parse(String entry) {
            String[] parts = entry.split("/", 2);
            byte[] network = LITERAL.matcher(parts[0]).matches() ? bytes(parts[0]) : null;
            if (network == null) {
                throw new IllegalArgumentException("chronicle.security.trusted-proxies: '" + entry
                        + "' is not an IP address or a CIDR block such as 172.30.80.0/24");
            }
            int prefix = parts.length == 1 ? network.length * 8 : Integer.parseInt(parts[1]);
            if (prefix < 0 || prefix > network.length * 8) {
                throw new IllegalArgumentException("chronicle.security.trusted-proxies: '" + entry
                        + "' has a prefix outside 0 to " + network.length * 8);
            }
            return new Block(network, prefix);
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
