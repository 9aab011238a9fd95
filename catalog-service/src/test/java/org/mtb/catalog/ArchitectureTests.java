package org.mtb.catalog;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import org.mtb.support.architecture.ServiceArchitecture;
import org.mtb.support.web.ApiException;
import org.mtb.support.web.FieldProblem;

@AnalyzeClasses(packages = "org.mtb.catalog", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule sharesOnlyTheLibraries = ServiceArchitecture.dependsOnlyOnTheSharedLibraries("org.mtb.catalog");

    @ArchTest
    static final ArchRule keepsNoCopyOfSharedInfrastructure =
            ServiceArchitecture.keepsNoCopyOfSharedInfrastructure("org.mtb.catalog");

    @ArchTest
    static final ArchRule regionUsesOnlyTheRefusalTypesOfWeb = noClasses().that().resideInAPackage("org.mtb.catalog.region..")
            .should().dependOnClassesThat(resideInAPackage("org.mtb.support.web..")
                    .and(not(belongToAnyOf(ApiException.class, FieldProblem.class))));

    @ArchTest
    static final ArchRule regionFileRulesArePlainJava = noClasses().that().haveSimpleName("RegionFileValidator")
            .should().dependOnClassesThat().resideInAPackage("org.springframework..");

    @ArchTest
    static final ArchTests codeRules = ArchTests.in(ServiceArchitecture.CodeRules.class);
}
