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

    private DefinitionRules() {
    }

    static List<Violation> check(String chronicleId, ChronicleDefinition definition) {
        DefinitionRules rules = new DefinitionRules();
        if (!Ids.isValid(chronicleId)) {
            rules.add("chronicleId", "must be 1-100 letters, digits, '-', '_' or '.'");
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
        if (place.latitude() != null && Math.abs(place.latitude()) > 90) {
            add("place.latitude", "must be between -90 and 90");
        }
        if (place.longitude() != null && Math.abs(place.longitude()) > 180) {
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
        } else if (!definition.period().isOrdered()) {
            add("period.end", "must not be before period.start");
        }
    }

    private Set<String> sides(List<Side> sides) {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < sides.size(); i++) {
            Side side = sides.get(i);
            String at = "sides[" + i + "]";
            if (side == null) {
                add(at, "must not be null");
                continue;
            }
            if (!Ids.isValid(side.id())) {
                add(at + ".id", "must be 1-100 letters, digits, '-', '_' or '.'");
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
        for (int i = 0; i < areas.size(); i++) {
            Area area = areas.get(i);
            String at = "areas[" + i + "]";
            if (area == null) {
                add(at, "must not be null");
                continue;
            }
            if (!Ids.isValid(area.id())) {
                add(at + ".id", "must be 1-100 letters, digits, '-', '_' or '.'");
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
        for (int i = 0; i < areas.size(); i++) {
            Area area = areas.get(i);
            if (area != null && area.parent() != null) {
                parent("areas[" + i + "].parent", area, parents);
            }
        }
        return parents.keySet();
    }

    private void parent(String field, Area area, Map<String, String> parents) {
        if (!parents.containsKey(area.parent())) {
            add(field, "'" + area.parent() + "' is not an area of this chronicle");
            return;
        }
        Set<String> seen = new HashSet<>(Set.of(area.id()));
        for (String up = area.parent(); up != null; up = parents.get(up)) {
            if (!seen.add(up)) {
                add(field, "makes a cycle: '" + area.id() + "' would lie within itself");
                return;
            }
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
