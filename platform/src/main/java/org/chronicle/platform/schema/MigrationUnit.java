package org.chronicle.platform.schema;

/**
 * A set of tables with one owner, migrated by Flyway with a history table of its own. The event
 * store, the command side's lookups and the query side's read models are separate units, so the
 * two sides can migrate one shared database independently and in any order.
 *
 * @param name     the owner, which names the history table {@code flyway_history_<name>}
 * @param location the classpath folder holding one subfolder per database vendor
 * @param order    units migrate in ascending order; the event store comes first
 */
public record MigrationUnit(String name, String location, int order) {

    public static final int EVENT_STORE = 0;
    public static final int SIDE = 10;

    String historyTable() {
        return "flyway_history_" + name.replace('-', '_');
    }
}
