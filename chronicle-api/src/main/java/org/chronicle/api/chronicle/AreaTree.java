package org.chronicle.api.chronicle;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A chronicle's hierarchy of areas, walked once: each area's chain of areas above it and the areas
 * within each. Answers {@link ChronicleDefinition#isWithin} without walking the list of areas
 * again, which the rules ask for every area, change and claim of a day.
 */
public final class AreaTree {

    private final Map<String, List<String>> above = new HashMap<>();
    private final Map<String, Set<String>> within = new HashMap<>();

    private AreaTree(ChronicleDefinition chronicle) {
        Map<String, String> parents = new HashMap<>();
        for (Area area : chronicle.areas()) {
            if (!parents.containsKey(area.id())) {      // the first of an id, as the definition finds it
                parents.put(area.id(), area.parent());
            }
        }
        for (String area : parents.keySet()) {
            List<String> chain = chain(area, parents);
            above.put(area, chain);
            filling(area).add(area);
            chain.forEach(ancestor -> filling(ancestor).add(area));
        }
    }

    public static AreaTree of(ChronicleDefinition chronicle) {
        return new AreaTree(chronicle);
    }

    /**
     * The areas strictly above {@code area}, nearest first, as {@link ChronicleDefinition#isWithin}
     * follows them: parent after parent while the parent is an area of the chronicle, stopping
     * where the chain would come round again. Empty for an area the chronicle does not define.
     */
    public List<String> above(String area) {
        return above.getOrDefault(area, List.of());
    }

    /** The areas {@code ancestor} is, or lies above; just itself when no defined area lies below it. */
    public Set<String> within(String ancestor) {
        return Collections.unmodifiableSet(within.getOrDefault(ancestor, Set.of(ancestor)));
    }

    /** Whether {@code area} is {@code ancestor} or lies below it: {@link ChronicleDefinition#isWithin}. */
    public boolean isWithin(String area, String ancestor) {
        return area.equals(ancestor) || above(area).contains(ancestor);
    }

    /** The set of areas within {@code ancestor} while it is filled: the ancestor itself first. */
    private Set<String> filling(String ancestor) {
        return within.computeIfAbsent(ancestor, a -> new LinkedHashSet<>(List.of(a)));
    }

    private static List<String> chain(String area, Map<String, String> parents) {
        List<String> chain = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>(List.of(area));
        for (String at = parents.get(area); at != null && seen.add(at); at = parents.get(at)) {
            chain.add(at);
        }
        return List.copyOf(chain);
    }
}
