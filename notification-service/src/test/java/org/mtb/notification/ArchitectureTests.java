package org.mtb.notification;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "org.mtb.notification", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule sharesOnlyContractsWithOtherServices = noClasses()
            .that().resideInAPackage("org.mtb.notification..")
            .should().dependOnClassesThat().resideInAnyPackage("org.mtb.intake..", "org.mtb.review..", "org.mtb.catalog..");

    @ArchTest
    static final ArchRule rendersTemplatesInPlainJava = noClasses()
            .that().haveSimpleName("MessageTemplates").or().haveSimpleName("Notice")
            .or().haveSimpleName("RenderedMessage").or().haveSimpleName("Redaction")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "tools.jackson..");

    @ArchTest
    static final ArchRule printsNothingToTheConsole = noClasses().should()
            .accessField(System.class, "out").orShould().accessField(System.class, "err");

    @ArchTest
    static final ArchRule injectsThroughConstructorsOnly = noFields().should()
            .beAnnotatedWith("org.springframework.beans.factory.annotation.Autowired");
}
