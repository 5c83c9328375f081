package org.chronicle.api;

import java.util.regex.Pattern;

/** The shape of the ids that clients choose: chronicles, sides, areas and reports. */
public final class Ids {

    public static final int MAX_LENGTH = 100;
    /** What {@link #isValid} asks, as a refusal says it. */
    public static final String RULE = "must be 1-100 letters, digits, '-', '_' or '.', and not dots alone";
    // Not dots alone: an id is a path segment, and "." or ".." is read as a path, never as an id.
    private static final Pattern ID = Pattern.compile("(?!\\.+$)[A-Za-z0-9._-]{1,100}");

    private Ids() {
    }

    public static boolean isValid(String id) {
        return id != null && ID.matcher(id).matches();
    }
}
