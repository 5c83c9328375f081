package org.chronicle.command.chronicle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.chronicle.api.Period;
import org.chronicle.api.Refusal;
import org.chronicle.api.chronicle.Area;
import org.chronicle.api.chronicle.ChronicleAmended;
import org.chronicle.api.chronicle.ChronicleDefined;
import org.chronicle.api.chronicle.ChronicleDefinition;
import org.chronicle.api.chronicle.DefineChronicle;
import org.chronicle.api.chronicle.InitialControl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChronicleTest {

    private static final String ID = "rastan-2012";
    private static final DefinitionLimits LIMITS = DefinitionLimits.defaults();
    private final ChronicleDefinition rastan = Definitions.rastan();
    private final KnownChronicles catalog = new KnownChronicles();
    private FixtureConfiguration<Chronicle> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Chronicle.class);
        fixture.registerInjectableResource(catalog);
        fixture.registerInjectableResource(LIMITS);
    }

    @Test
    void aNewDefinitionCreatesTheChronicle() {
        fixture.givenNoPriorActivity()
                .when(new DefineChronicle(ID, rastan))
                .expectEvents(new ChronicleDefined(ID, rastan))
                .expectResultMessagePayload(DefinitionOutcome.CREATED);
    }

    @Test
    void theSameDefinitionAgainChangesNothing() {
        fixture.given(new ChronicleDefined(ID, rastan))
                .when(new DefineChronicle(ID, rastan))
                .expectNoEvents()
                .expectResultMessagePayload(DefinitionOutcome.UNCHANGED);
    }

    @Test
    void anAmendmentCarriesTheWholeNewDefinition() {
        ChronicleDefinition widened = withPeriodEnd(rastan, LocalDate.of(2012, 6, 30));
        fixture.given(new ChronicleDefined(ID, rastan))
                .when(new DefineChronicle(ID, widened))
                .expectEvents(new ChronicleAmended(ID, widened))
                .expectResultMessagePayload(DefinitionOutcome.AMENDED);
    }

    @Test
    void removingAnAreaThatAReportUsesIsAConflict() {
        catalog.used(ID, new ChronicleCatalog.Usage(Set.of("rastan-suburbs"), Set.of(), Optional.empty()));
        List<Area> areas = new ArrayList<>(rastan.areas());
        areas.removeIf(a -> a.id().equals("rastan-suburbs"));
        ChronicleDefinition narrowed = new ChronicleDefinition(rastan.name(), rastan.place(), rastan.period(),
                rastan.sides(), areas, List.of(new InitialControl("rastan", "government")));
        fixture.given(new ChronicleDefined(ID, rastan))
                .when(new DefineChronicle(ID, narrowed))
                .expectNoEvents()
                .expectException(Refusal.Conflict.class);
    }

    @Test
    void removingAnUnusedAreaIsAllowed() {
        List<Area> areas = new ArrayList<>(rastan.areas());
        areas.removeIf(a -> a.id().equals("rastan-suburbs"));
        ChronicleDefinition smaller = new ChronicleDefinition(rastan.name(), rastan.place(), rastan.period(),
                rastan.sides(), areas, rastan.initialControl());
        fixture.given(new ChronicleDefined(ID, rastan))
                .when(new DefineChronicle(ID, smaller))
                .expectEvents(new ChronicleAmended(ID, smaller));
    }

    @Test
    void narrowingThePeriodPastAReportIsAConflict() {
        catalog.used(ID, new ChronicleCatalog.Usage(Set.of(), Set.of(), Optional.of(
                new Period(LocalDate.of(2012, 1, 31), LocalDate.of(2012, 5, 20)))));
        fixture.given(new ChronicleDefined(ID, rastan))
                .when(new DefineChronicle(ID, withPeriodEnd(rastan, LocalDate.of(2012, 2, 5))))
                .expectNoEvents()
                .expectException(Refusal.Conflict.class);
    }

    @Test
    void aBrokenDefinitionIsRefusedWithItsFieldsNamed() {
        ChronicleDefinition broken = new ChronicleDefinition("", null,
                new Period(LocalDate.of(2012, 2, 5), LocalDate.of(2012, 1, 29)),
                rastan.sides(), List.of(new Area("rastan", "Rastan", "nowhere", null)),
                List.of(new InitialControl("rastan", "rebels")));
        fixture.givenNoPriorActivity()
                .when(new DefineChronicle(ID, broken))
                .expectNoEvents()
                .expectException(Refusal.Invalid.class);
        assertThat(DefinitionRules.check(ID, broken, LIMITS)).extracting(v -> v.field())
                .containsExactlyInAnyOrder("name", "period.end", "areas[0].parent", "initialControl[0].side");
    }

    @Test
    void anAreaMayNotLieWithinItself() {
        ChronicleDefinition cyclic = new ChronicleDefinition("Cycle", null, rastan.period(), rastan.sides(),
                List.of(new Area("a", "A", "b", null), new Area("b", "B", "a", null)), List.of());
        assertThat(DefinitionRules.check(ID, cyclic, LIMITS)).extracting(v -> v.field())
                .containsExactlyInAnyOrder("areas[0].parent", "areas[1].parent");
    }

    @Test
    void aPeriodKeepsToTheYearsOneToNineThousandNineHundredNinetyNineAndToItsLength() {
        assertThat(fields(withPeriodEnd(rastan, LocalDate.MAX))).containsExactly("period.end");
        assertThat(fields(withPeriodEnd(rastan, LocalDate.of(10_000, 1, 1)))).containsExactly("period.end");
        assertThat(fields(new ChronicleDefinition("Old", null, new Period(LocalDate.of(0, 12, 31),
                LocalDate.of(1, 1, 1)), rastan.sides(), rastan.areas(), rastan.initialControl())))
                .containsExactly("period.start");
        assertThat(fields(new ChronicleDefinition("Everything", null, new Period(LocalDate.of(1, 1, 1),
                LocalDate.of(9999, 12, 31)), rastan.sides(), rastan.areas(), rastan.initialControl())))
                .containsExactly("period.end");
        LocalDate start = rastan.period().start();
        assertThat(fields(withPeriodEnd(rastan, start.plusDays(LIMITS.periodDays() - 1)))).isEmpty();
        assertThat(fields(withPeriodEnd(rastan, start.plusDays(LIMITS.periodDays())))).containsExactly("period.end");
    }

    @Test
    void theAreasAndSidesAreCountedAndTheTreeHasADepth() {
        DefinitionLimits small = new DefinitionLimits(36_600, 3, 2, 2);
        List<Area> four = List.of(new Area("a", "A", null, null), new Area("b", "B", null, null),
                new Area("c", "C", null, null), new Area("d", "D", null, null));
        assertThat(DefinitionRules.check(ID, withAreas(four), small)).extracting(v -> v.field()).containsExactly("areas");
        List<Area> deep = List.of(new Area("a", "A", null, null), new Area("b", "B", "a", null),
                new Area("c", "C", "b", null));
        assertThat(DefinitionRules.check(ID, withAreas(deep), small)).extracting(v -> v.field())
                .containsExactly("areas[2].parent");
        assertThat(DefinitionRules.check(ID, withAreas(deep.subList(0, 2)), small)).isEmpty();
        ChronicleDefinition threeSides = new ChronicleDefinition("S", null, rastan.period(),
                List.of(new org.chronicle.api.chronicle.Side("x", "X"), new org.chronicle.api.chronicle.Side("y", "Y"),
                        new org.chronicle.api.chronicle.Side("z", "Z")), List.of(), List.of());
        assertThat(DefinitionRules.check(ID, threeSides, small)).extracting(v -> v.field()).containsExactly("sides");
    }

    /** Twenty thousand areas in one chain are refused past the depth, in linear time, not quadratic. */
    @Test
    void aLongChainIsRefusedAtItsDepthWithoutWalkingItAgainForEveryArea() {
        List<Area> chain = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            chain.add(new Area("a" + i, "A" + i, i == 0 ? null : "a" + (i - 1), null));
        }
        List<String> refused = fields(withAreas(chain));
        assertThat(refused).hasSize(20_000 - LIMITS.areaDepth());
        assertThat(refused.get(0)).isEqualTo("areas[" + LIMITS.areaDepth() + "].parent");
    }

    @Test
    void idsOfDotsAloneAreRefused() {
        assertThat(fields(withAreas(List.of(new Area("..", "Up", null, null))))).containsExactly("areas[0].id");
        assertThat(DefinitionRules.check(".", rastan, LIMITS)).extracting(v -> v.field()).containsExactly("chronicleId");
        assertThat(fields(withAreas(List.of(new Area("a.b", "Dotted", null, null))))).isEmpty();
    }

    private List<String> fields(ChronicleDefinition definition) {
        return DefinitionRules.check(ID, definition, LIMITS).stream().map(v -> v.field()).toList();
    }

    private ChronicleDefinition withAreas(List<Area> areas) {
        return new ChronicleDefinition("Areas", null, rastan.period(), rastan.sides(), areas, List.of());
    }

    private static ChronicleDefinition withPeriodEnd(ChronicleDefinition d, LocalDate end) {
        return new ChronicleDefinition(d.name(), d.place(), new Period(d.period().start(), end), d.sides(),
                d.areas(), d.initialControl());
    }
}
