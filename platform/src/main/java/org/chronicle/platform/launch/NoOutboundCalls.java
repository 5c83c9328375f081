package org.chronicle.platform.launch;

/**
 * The service talks to its database and its clients, and to no one else. Axon 4.12+ sends usage
 * data to its vendor and asks for updates unless this property is set before its configuration
 * is built, so it is set at launch (and again, for embedders, when Spring prepares its
 * environment). An operator who sets it to {@code false} on purpose is obeyed.
 */
public final class NoOutboundCalls {

    public static final String UPDATE_CHECK_PROPERTY = "axoniq.update-checker.disabled";

    private NoOutboundCalls() {
    }

    public static void apply() {
        if (System.getProperty(UPDATE_CHECK_PROPERTY) == null) {
            System.setProperty(UPDATE_CHECK_PROPERTY, "true");
        }
    }
}
