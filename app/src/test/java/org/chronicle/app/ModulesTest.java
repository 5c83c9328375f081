package org.chronicle.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The module boundaries of ARCHITECTURE.md, checked over every class of the service. */
@AnalyzeClasses(packages = "org.chronicle", importOptions = ImportOption.DoNotIncludeTests.class)
class ModulesTest {

    @ArchTest
    static final ArchRule theSharedLanguageHasNoSpring = noClasses()
            .that().resideInAPackage("org.chronicle.api..")
            .should().dependOnClassesThat().resideInAPackage("org.springframework..");

    @ArchTest
    static final ArchRule theSharedLanguageDependsOnNoSide = noClasses()
            .that().resideInAPackage("org.chronicle.api..")
            .should().dependOnClassesThat().resideInAnyPackage("org.chronicle.command..", "org.chronicle.query..",
                    "org.chronicle.platform..", "org.chronicle.app..");

    @ArchTest
    static final ArchRule theCommandSideNeverSeesTheQuerySide = noClasses()
            .that().resideInAPackage("org.chronicle.command..")
            .should().dependOnClassesThat().resideInAPackage("org.chronicle.query..");

    @ArchTest
    static final ArchRule theQuerySideNeverSeesTheCommandSide = noClasses()
            .that().resideInAPackage("org.chronicle.query..")
            .should().dependOnClassesThat().resideInAPackage("org.chronicle.command..");

    @ArchTest
    static final ArchRule thePlatformServesBothSidesAndKnowsNeither = noClasses()
            .that().resideInAPackage("org.chronicle.platform..")
            .should().dependOnClassesThat().resideInAnyPackage("org.chronicle.command..", "org.chronicle.query..",
                    "org.chronicle.app..");
}
