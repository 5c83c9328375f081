package org.chronicle.platform.security;

import java.util.Set;

/** An account as the service shows it: never with its password hash. */
public record Account(String username, Set<Role> roles) {
}
