package org.chronicle.app;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The battle day by day for an 80-column terminal: a line a day with the controller of each area
 * (marked when contested) and the killed per party, that day / cumulative. At most four areas and
 * four parties get columns; the header says what was left out.
 */
final class ReplayTable {

    static final int MAX_COLUMNS = 4;
    private static final int AREA_WIDTH = 9;
    private static final int PARTY_WIDTH = 11;

    private ReplayTable() {
    }

    static List<String> lines(JsonNode chronicle, JsonNode days) {
        List<String> areas = new ArrayList<>();
        chronicle.path("areas").forEach(area -> areas.add(area.path("id").asText()));
        List<String> parties = parties(chronicle, days);
        List<String> lines = new ArrayList<>();
        lines.add(chronicle.path("name").asText());
        lines.add("Controller of each area (* contested, ~ partial); killed, that day/cumulative");
        if (areas.size() > MAX_COLUMNS || parties.size() > MAX_COLUMNS) {
            lines.add("Shown: the first " + MAX_COLUMNS + " areas and parties of " + areas.size() + " and "
                    + parties.size() + "; the API has them all.");
        }
        List<String> shownAreas = areas.subList(0, Math.min(MAX_COLUMNS, areas.size()));
        List<String> shownParties = parties.subList(0, Math.min(MAX_COLUMNS, parties.size()));
        StringBuilder header = new StringBuilder(pad("day", 11));
        shownAreas.forEach(area -> header.append(pad(shortName(area), AREA_WIDTH)));
        shownParties.forEach(party -> header.append(pad(party, PARTY_WIDTH)));
        lines.add(header.toString().stripTrailing());
        for (JsonNode day : days) {
            StringBuilder line = new StringBuilder(pad(day.path("date").asText(), 11));
            for (String area : shownAreas) {
                line.append(pad(control(day, area), AREA_WIDTH));
            }
            for (String party : shownParties) {
                line.append(pad(killed(day.path("casualties").path("day").path(party)) + "/"
                        + killed(day.path("casualties").path("cumulative").path(party)), PARTY_WIDTH));
            }
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }

    /** Sides first, then civilians and unknown, each only when some day counts it. */
    private static List<String> parties(JsonNode chronicle, JsonNode days) {
        Set<String> counted = new LinkedHashSet<>();
        for (JsonNode day : days) {
            Iterator<String> names = day.path("casualties").path("cumulative").fieldNames();
            names.forEachRemaining(counted::add);
        }
        List<String> ordered = new ArrayList<>();
        chronicle.path("sides").forEach(side -> {
            if (counted.contains(side.path("id").asText())) {
                ordered.add(side.path("id").asText());
            }
        });
        for (String party : List.of("civilians", "unknown")) {
            if (counted.contains(party)) {
                ordered.add(party);
            }
        }
        counted.stream().filter(party -> !ordered.contains(party)).forEach(ordered::add);
        return ordered;
    }

    private static String control(JsonNode day, String area) {
        for (JsonNode entry : day.path("control")) {
            if (entry.path("area").asText().equals(area)) {
                String side = entry.path("side").isNull() ? "-" : entry.path("side").asText();
                return abbreviation(side) + (entry.path("extent").asText().equals("PARTIAL") ? "~" : "")
                        + (entry.path("contested").asBoolean() ? "*" : "");
            }
        }
        return "?";
    }

    /** A figure's best count, "+" when its high is unknown; "-" when nobody reported one. */
    static String killed(JsonNode party) {
        JsonNode killed = party.path("killed");
        if (killed.isMissingNode() || killed.isNull()) {
            return "-";
        }
        return killed.path("best").asText() + (killed.path("high").isNull() ? "+" : "");
    }

    /** The part of an area's id after its last separator, which names it among its siblings. */
    static String shortName(String area) {
        String name = area.substring(Math.max(area.lastIndexOf('-'), area.lastIndexOf('.')) + 1);
        return name.length() > AREA_WIDTH - 1 ? name.substring(0, AREA_WIDTH - 1) : name;
    }

    private static String abbreviation(String side) {
        return side.length() <= 5 ? side : side.substring(0, 3).toLowerCase(Locale.ROOT);
    }

    private static String pad(String text, int width) {
        String cut = text.length() >= width ? text.substring(0, width - 1) : text;
        return cut + " ".repeat(width - cut.length());
    }
}
