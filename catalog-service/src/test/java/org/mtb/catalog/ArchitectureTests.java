package org.mtb.catalog;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.mtb.catalog.web.ApiException;
import org.mtb.catalog.web.FieldProblem;

@AnalyzeClasses(packages = "org.mtb.catalog", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule sharesOnlyContractsWithOtherServices = noClasses().that().resideInAPackage("org.mtb.catalog..")
            .should().dependOnClassesThat().resideInAnyPackage("org.mtb.intake..", "org.mtb.review..", "org.mtb.notification..");

    @ArchTest
    static final ArchRule regionUsesOnlyTheRefusalTypesOfWeb = noClasses().that().resideInAPackage("org.mtb.catalog.region..")
            .should().dependOnClassesThat(resideInAPackage("org.mtb.catalog.web..")
                    .and(not(belongToAnyOf(ApiException.class, FieldProblem.class))));

    @ArchTest
    static final ArchRule crossCuttingPackagesKnowNoFeature = noClasses()
            .that().resideInAnyPackage("org.mtb.catalog.web..", "org.mtb.catalog.outbox..", "org.mtb.catalog.health..")
            .should().dependOnClassesThat().resideInAPackage("org.mtb.catalog.region..");

    @ArchTest
    static final ArchRule regionFileRulesArePlainJava = noClasses().that().haveSimpleName("RegionFileValidator")
            .should().dependOnClassesThat().resideInAPackage("org.springframework..");

    @ArchTest
    static final ArchRule printsNothingToTheConsole = noClasses().should()
            .accessField(System.class, "out").orShould().accessField(System.class, "err");

    @ArchTest
    static final ArchRule injectsThroughConstructorsOnly = noFields().should()
            .beAnnotatedWith("org.springframework.beans.factory.annotation.Autowired");
}
