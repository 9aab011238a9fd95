package org.mtb.support;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import org.mtb.support.architecture.ServiceArchitecture;

/** The library serves every service and depends on none of them; it is no service itself. */
@AnalyzeClasses(packages = "org.mtb.support", importOptions = ImportOption.DoNotIncludeTests.class)
class SupportArchitectureTests {

    @ArchTest
    static final ArchRule knowsNoServiceNorTheOtherLibraries = noClasses().that().resideInAPackage("org.mtb.support..")
            .should().dependOnClassesThat().resideInAnyPackage("org.mtb.intake..", "org.mtb.review..",
                    "org.mtb.notification..", "org.mtb.catalog..", "org.mtb.contracts..", "org.mtb.calendar..");

    @ArchTest
    static final ArchRule isNoApplication = noClasses().should()
            .beAnnotatedWith("org.springframework.boot.autoconfigure.SpringBootApplication")
            .orShould().beAnnotatedWith("org.springframework.boot.SpringBootConfiguration");

    @ArchTest
    static final ArchTests codeRules = ArchTests.in(ServiceArchitecture.CodeRules.class);
}
