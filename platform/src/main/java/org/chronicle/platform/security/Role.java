package org.chronicle.platform.security;

/** What an account may do. Each role includes the ones below it: ADMIN > EDITOR > READER. */
public enum Role {
    READER, EDITOR, ADMIN;

    String authority() {
        return "ROLE_" + name();
    }

    /** The authorities an account of this role holds: its own and those of every role below it. */
    java.util.stream.Stream<String> grantedAuthorities() {
        return java.util.Arrays.stream(values()).filter(r -> r.ordinal() <= ordinal()).map(Role::authority);
    }
}
