package org.chronicle.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * HTTP Basic sends the password with every request, and bcrypt is slow on purpose (tens of
 * milliseconds), which would cap a client at a few dozen writes a second. A successful check is
 * remembered for a short while, keyed by a SHA-256 of name and password (the password itself is
 * not kept), so a steady client pays for bcrypt once per {@code ttl}. A changed password or role
 * takes effect in this process at once (the account's entries are forgotten) and in other
 * processes within {@code ttl}.
 */
final class RememberedCredentials implements AuthenticationProvider {

    private final AuthenticationProvider delegate;
    private final Duration ttl;
    private final Clock clock;
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

    RememberedCredentials(AuthenticationProvider delegate, Duration ttl, Clock clock) {
        this.delegate = delegate;
        this.ttl = ttl;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String password = String.valueOf(authentication.getCredentials());
        if (!AccountStore.fitsBcrypt(password)) {
            // No account can have such a password, and bcrypt would throw rather than say no.
            throw new BadCredentialsException("Bad credentials");
        }
        String key = key(authentication.getName(), password);
        Remembered known = remembered.get(key);
        Instant now = clock.instant();
        if (known != null && now.isBefore(known.until())) {
            return known.authentication();
        }
        Authentication checked = delegate.authenticate(authentication);
        if (checked != null && checked.isAuthenticated()) {
            if (remembered.size() > 10_000) {
                remembered.clear();
            }
            remembered.put(key, new Remembered(checked, now.plus(ttl)));
        }
        return checked;
    }

    void forget(String username) {
        remembered.values().removeIf(r -> r.authentication().getName().equals(username));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static String key(String username, String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(username.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(password.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Remembered(Authentication authentication, Instant until) {
    }
}
