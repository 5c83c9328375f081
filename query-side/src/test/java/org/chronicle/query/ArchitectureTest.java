package org.chronicle.query;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The query side never sees the command side, and its features form no cycle. */
@AnalyzeClasses(packages = "org.chronicle.query", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule neverSeesTheCommandSide = noClasses()
            .should().dependOnClassesThat().resideInAPackage("org.chronicle.command..");

    @ArchTest
    static final ArchRule featuresFormNoCycle = slices()
            .matching("org.chronicle.query.(*)..").should().beFreeOfCycles();

    /** Projections write their own tables only: no feature writes through another's loads or rows. */
    @ArchTest
    static final ArchRule rowWritersArePrivateToTheirFeature = noClasses()
            .that().haveSimpleNameEndingWith("BulkLoad").or().haveSimpleNameEndingWith("Rows")
            .and().resideOutsideOfPackages("org.chronicle.query.projection", "org.chronicle.query.export")
            .should().bePublic();
}
