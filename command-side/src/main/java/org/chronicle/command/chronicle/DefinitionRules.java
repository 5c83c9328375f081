package org.chronicle.command.chronicle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.chronicle.api.Ids;
import org.chronicle.api.Party;
import org.chronicle.api.PlainText;
import org.chronicle.api.Violation;
import org.chronicle.api.chronicle.Area;
import org.chronicle.api.chronicle.ChronicleDefinition;
import org.chronicle.api.chronicle.InitialControl;
import org.chronicle.api.chronicle.Place;
import org.chronicle.api.chronicle.Side;

/** The rules a chronicle's definition keeps, each broken rule named by its JSON path. */
final class DefinitionRules {

    static final int MAX_NAME = 500;

    private final List<Violation> violations = new ArrayList<>();
    private final DefinitionLimits limits;

    private DefinitionRules(DefinitionLimits limits) {
        this.limits = limits;
    }

    static List<Violation> check(String chronicleId, ChronicleDefinition definition, DefinitionLimits limits) {
        DefinitionRules rules = new DefinitionRules(limits);
        if (!Ids.isValid(chronicleId)) {
            rules.add("chronicleId", Ids.RULE);
        }
        if (definition == null) {
            rules.add("body", "is required");
            return rules.violations;
        }
        rules.name("name", definition.name());
        rules.place(definition.place());
        rules.period(definition);
        Set<String> sides = rules.sides(definition.sides());
        Set<String> areas = rules.areas(definition.areas());
        rules.initialControl(definition.initialControl(), areas, sides);
        return rules.violations;
    }

    private void name(String field, String name) {
        if (name == null || name.isBlank()) {
            add(field, "is required");
        } else if (name.length() > MAX_NAME) {
            add(field, "must be at most " + MAX_NAME + " characters");
        } else {
            PlainText.refusal(name).ifPresent(why -> add(field, why));
        }
    }

    private void place(Place place) {
        if (place == null) {
            return;
        }
        if (place.name() != null && place.name().length() > MAX_NAME) {
            add("place.name", "must be at most " + MAX_NAME + " characters");
        }
        PlainText.refusal(place.name()).ifPresent(why -> add("place.name", why));
        // Written so that NaN, which compares false with everything, is refused too.
        if (place.latitude() != null && !(Math.abs(place.latitude()) <= 90)) {
            add("place.latitude", "must be between -90 and 90");
        }
        if (place.longitude() != null && !(Math.abs(place.longitude()) <= 180)) {
            add("place.longitude", "must be between -180 and 180");
        }
    }

    private void period(ChronicleDefinition definition) {
        if (definition.period() == null) {
            add("period", "is required");
        } else if (definition.period().start() == null) {
            add("period.start", "is required");
        } else if (definition.period().end() == null) {
            add("period.end", "is required");
        } else if (!DefinitionLimits.isInYears(definition.period().start())) {
            add("period.start", YEARS);
        } else if (!DefinitionLimits.isInYears(definition.period().end())) {
            add("period.end", YEARS);
        } else if (!definition.period().isOrdered()) {
            add("period.end", "must not be before period.start");
        } else if (DefinitionLimits.length(definition.period()) > limits.periodDays()) {
            add("period.end", "makes a period of " + DefinitionLimits.length(definition.period())
                    + " days; at most " + limits.periodDays() + " (chronicle.limits.period-days)");
        }
    }

    private static final String YEARS = "must lie in the years " + DefinitionLimits.FIRST_YEAR + " to "
            + DefinitionLimits.LAST_YEAR;

    private Set<String> sides(List<Side> sides) {
        Set<String> ids = new HashSet<>();
        if (sides.size() > limits.sides()) {
            add("sides", "has " + sides.size() + " sides; at most " + limits.sides() + " (chronicle.limits.sides)");
            return ids;
        }
        for (int i = 0; i < sides.size(); i++) {
            Side side = sides.get(i);
            String at = "sides[" + i + "]";
            if (side == null) {
                add(at, "must not be null");
                continue;
            }
            if (!Ids.isValid(side.id())) {
                add(at + ".id", Ids.RULE);
            } else if (new Party(side.id()).isReserved()) {
                add(at + ".id", "'" + side.id() + "' is a reserved party, not a side");
            } else if (!ids.add(side.id())) {
                add(at + ".id", "'" + side.id() + "' is defined twice");
            }
            name(at + ".name", side.name());
        }
        return ids;
    }

    private Set<String> areas(List<Area> areas) {
        Map<String, String> parents = new HashMap<>();
        if (areas.size() > limits.areas()) {
            add("areas", "has " + areas.size() + " areas; at most " + limits.areas() + " (chronicle.limits.areas)");
            return parents.keySet();
        }
        for (int i = 0; i < areas.size(); i++) {
            Area area = areas.get(i);
            String at = "areas[" + i + "]";
            if (area == null) {
                add(at, "must not be null");
                continue;
            }
            if (!Ids.isValid(area.id())) {
                add(at + ".id", Ids.RULE);
            } else if (parents.containsKey(area.id())) {
                add(at + ".id", "'" + area.id() + "' is defined twice");
            } else {
                parents.put(area.id(), area.parent());
            }
            name(at + ".name", area.name());
            if (area.geometry() != null && !(area.geometry().isObject() && area.geometry().path("type").isTextual())) {
                add(at + ".geometry", "must be a GeoJSON geometry object with a type");
            }
        }
        Map<String, Integer> depths = new HashMap<>();
        for (int i = 0; i < areas.size(); i++) {
            Area area = areas.get(i);
            if (area != null && area.parent() != null) {
                parent("areas[" + i + "].parent", area, parents, depths);
            }
        }
        return parents.keySet();
    }

    /**
     * The parent must be an area of the chronicle, and the chain above it must end, within the
     * depth allowed. Each area's depth is remembered once known, so the walk costs the areas times
     * the depth at most, however long the chains (one chain of twenty thousand was quadratic).
     */
    private void parent(String field, Area area, Map<String, String> parents, Map<String, Integer> depths) {
        if (!parents.containsKey(area.parent())) {
            add(field, "'" + area.parent() + "' is not an area of this chronicle");
            return;
        }
        List<String> chain = new ArrayList<>(List.of(area.id()));
        Set<String> seen = new HashSet<>(chain);
        String up = area.parent();
        int above = 0;
        while (up != null && !depths.containsKey(up)) {
            if (!seen.add(up)) {
                add(field, "makes a cycle: '" + area.id() + "' would lie within itself");
                return;
            }
            if (chain.size() > limits.areaDepth()) {
                add(field, "puts '" + area.id() + "' more than " + limits.areaDepth()
                        + " areas deep (chronicle.limits.area-depth)");
                return;
            }
            chain.add(up);
            up = parents.get(up);
        }
        if (up != null) {
            above = depths.get(up);
        }
        if (above + chain.size() > limits.areaDepth()) {
            add(field, "puts '" + area.id() + "' " + (above + chain.size()) + " areas deep; at most "
                    + limits.areaDepth() + " (chronicle.limits.area-depth)");
            return;
        }
        for (int i = chain.size() - 1; i >= 0; i--) {
            depths.putIfAbsent(chain.get(i), above + chain.size() - i);
        }
    }

    private void initialControl(List<InitialControl> controls, Set<String> areas, Set<String> sides) {
        Set<String> held = new HashSet<>();
        for (int i = 0; i < controls.size(); i++) {
            InitialControl control = controls.get(i);
            String at = "initialControl[" + i + "]";
            if (control == null) {
                add(at, "must not be null");
                continue;
            }
            if (control.area() == null || !areas.contains(control.area())) {
                add(at + ".area", "'" + control.area() + "' is not an area of this chronicle");
            } else if (!held.add(control.area())) {
                add(at + ".area", "'" + control.area() + "' has an initial controller twice");
            }
            if (control.side() == null || !sides.contains(control.side())) {
                add(at + ".side", "'" + control.side() + "' is not a side of this chronicle");
            }
        }
    }

    private void add(String field, String message) {
        violations.add(new Violation(field, message));
    }
}
