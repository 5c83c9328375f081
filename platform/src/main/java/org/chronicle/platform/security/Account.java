package org.chronicle.platform.security;

import java.util.Set;

/** An account as the service shows it: never with its password hash. A disabled account cannot sign in. */
public record Account(String username, Set<Role> roles, boolean enabled) {
}
