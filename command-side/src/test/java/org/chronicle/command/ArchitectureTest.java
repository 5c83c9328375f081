package org.chronicle.command;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The command side keeps to itself: it never sees the query side, and its features form no cycle. */
@AnalyzeClasses(packages = "org.chronicle.command", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule neverSeesTheQuerySide = noClasses()
            .should().dependOnClassesThat().resideInAPackage("org.chronicle.query..");

    @ArchTest
    static final ArchRule featuresFormNoCycle = slices()
            .matching("org.chronicle.command.(*)..").should().beFreeOfCycles();

    /** A chronicle knows nothing of single reports; reports are checked against their chronicle. */
    @ArchTest
    static final ArchRule chronicleDoesNotReachIntoReports = noClasses()
            .that().resideInAPackage("..command.chronicle..")
            .should().dependOnClassesThat().resideInAPackage("..command.report..");
}
