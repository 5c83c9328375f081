package org.chronicle.api.chronicle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.chronicle.api.Period;
import org.junit.jupiter.api.Test;

/**
 * The tree answers as {@link ChronicleDefinition#isWithin} does, on hierarchies of every shape:
 * deep chains, parents the chronicle does not define, areas defined twice, and chains that come
 * round again.
 */
class AreaTreeTest {

    @Test
    void answersAsTheDefinitionWalksItsAreas() {
        Random random = new Random(20120129);
        for (int trial = 0; trial < 300; trial++) {
            ChronicleDefinition chronicle = randomHierarchy(random);
            AreaTree tree = AreaTree.of(chronicle);
            List<String> ids = new ArrayList<>(chronicle.areaIds());
            ids.add("undefined-a");
            ids.add("undefined-b");
            for (String area : ids) {
                for (String ancestor : ids) {
                    boolean expected = chronicle.isWithin(area, ancestor);
                    assertThat(tree.isWithin(area, ancestor)).as("%s within %s in %s", area, ancestor, chronicle.areas())
                            .isEqualTo(expected);
                    assertThat(tree.within(ancestor).contains(area)).as("%s among the areas within %s in %s", area,
                            ancestor, chronicle.areas()).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void theAreasAboveComeNearestFirst() {
        ChronicleDefinition chronicle = chronicle(List.of(new Area("syria", "Syria", null, null),
                new Area("homs", "Homs", "syria", null), new Area("rastan", "Rastan", "homs", null),
                new Area("rastan-west", "West", "rastan", null)));
        AreaTree tree = AreaTree.of(chronicle);
        assertThat(tree.above("rastan-west")).containsExactly("rastan", "homs", "syria");
        assertThat(tree.within("homs")).containsExactlyInAnyOrder("homs", "rastan", "rastan-west");
        assertThat(tree.above("nowhere")).isEmpty();
        assertThat(tree.within("nowhere")).containsExactly("nowhere");
    }

    private static ChronicleDefinition randomHierarchy(Random random) {
        int size = 1 + random.nextInt(12);
        List<Area> areas = new ArrayList<>();
        for (int n = 0; n < size; n++) {
            int pick = random.nextInt(size + 3);
            String parent = pick < size ? "a" + pick : pick == size ? "undefined-a" : null;
            areas.add(new Area("a" + (random.nextInt(6) == 0 && n > 0 ? random.nextInt(n) : n), "area", parent, null));
        }
        return chronicle(areas);
    }

    private static ChronicleDefinition chronicle(List<Area> areas) {
        return new ChronicleDefinition("test", null, new Period(LocalDate.of(2012, 1, 29), LocalDate.of(2012, 2, 5)),
                List.of(), areas, List.of());
    }
}
