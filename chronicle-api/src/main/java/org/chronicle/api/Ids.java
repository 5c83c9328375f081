package org.chronicle.api;

import java.util.regex.Pattern;

/** The shape of the ids that clients choose: chronicles, sides, areas and reports. */
public final class Ids {

    public static final int MAX_LENGTH = 100;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    private Ids() {
    }

    public static boolean isValid(String id) {
        return id != null && ID.matcher(id).matches();
    }
}
