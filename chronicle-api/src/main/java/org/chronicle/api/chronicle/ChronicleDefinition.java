package org.chronicle.api.chronicle;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.chronicle.api.Party;
import org.chronicle.api.Period;

/** What a chronicle is about: its name, place, period, sides, areas and who held what at the start. */
public record ChronicleDefinition(
        String name,
        Place place,
        Period period,
        List<Side> sides,
        List<Area> areas,
        List<InitialControl> initialControl) {

    public ChronicleDefinition {
        sides = sides == null ? List.of() : List.copyOf(sides);
        areas = areas == null ? List.of() : List.copyOf(areas);
        initialControl = initialControl == null ? List.of() : List.copyOf(initialControl);
    }

    public Set<String> sideIds() {
        return sides.stream().map(Side::id).collect(Collectors.toUnmodifiableSet());
    }

    public Set<String> areaIds() {
        return areas.stream().map(Area::id).collect(Collectors.toUnmodifiableSet());
    }

    public Optional<Area> area(String id) {
        return areas.stream().filter(a -> a.id().equals(id)).findFirst();
    }

    /** Whether {@code area} is {@code ancestor} or lies below it in the hierarchy of areas. */
    public boolean isWithin(String area, String ancestor) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String at = area; at != null && seen.add(at); at = area(at).map(Area::parent).orElse(null)) {
            if (at.equals(ancestor)) {
                return true;
            }
        }
        return false;
    }

    /** A casualty figure may count a side of this chronicle or a reserved party. */
    public boolean knowsParty(Party party) {
        return party.isReserved() || sideIds().contains(party.id());
    }
}
