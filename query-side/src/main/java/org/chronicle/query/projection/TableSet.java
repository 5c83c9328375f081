package org.chronicle.query.projection;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One of a projection's two sets of tables. A rebuild replays the event store into the set that
 * readers are not using and switches them over when it has caught up, so a reader never sees a
 * half-built read model.
 */
public enum TableSet {

    BLUE(""),
    GREEN("_green");

    private static final Pattern TABLE = Pattern.compile("\\{([a-z_]+)}");

    private final String suffix;

    TableSet(String suffix) {
        this.suffix = suffix;
    }

    public String table(String name) {
        return name + suffix;
    }

    /** The statement with each {@code {table}} in it named for this set. */
    public String sql(String statement) {
        Matcher matcher = TABLE.matcher(statement);
        StringBuilder named = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(named, table(matcher.group(1)));
        }
        return matcher.appendTail(named).toString();
    }

    public TableSet other() {
        return this == BLUE ? GREEN : BLUE;
    }

    /** The processing group that fills this set of the projection. */
    public String processor(String projection) {
        return this == BLUE ? projection : projection + "-green";
    }
}
