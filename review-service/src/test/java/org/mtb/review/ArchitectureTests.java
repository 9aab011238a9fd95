package org.mtb.review;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import org.mtb.support.architecture.ServiceArchitecture;

@AnalyzeClasses(packages = "org.mtb.review", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule sharesOnlyTheLibraries = ServiceArchitecture.dependsOnlyOnTheSharedLibraries("org.mtb.review");

    @ArchTest
    static final ArchRule keepsNoCopyOfSharedInfrastructure =
            ServiceArchitecture.keepsNoCopyOfSharedInfrastructure("org.mtb.review");

    @ArchTest
    static final ArchRule deadlinesKnowNoCaseClass = noClasses().that().resideInAPackage("org.mtb.review.sla..")
            .should().dependOnClassesThat().resideInAPackage("org.mtb.review.reviewcase..")
            .because("cases depend on their deadlines, not the other way round");

    @ArchTest
    static final ArchTests codeRules = ArchTests.in(ServiceArchitecture.CodeRules.class);
}
