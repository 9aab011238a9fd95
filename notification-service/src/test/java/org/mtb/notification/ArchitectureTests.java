package org.mtb.notification;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import org.mtb.support.architecture.ServiceArchitecture;

@AnalyzeClasses(packages = "org.mtb.notification", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule sharesOnlyTheLibraries = ServiceArchitecture.dependsOnlyOnTheSharedLibraries("org.mtb.notification");

    @ArchTest
    static final ArchRule keepsNoCopyOfSharedInfrastructure =
            ServiceArchitecture.keepsNoCopyOfSharedInfrastructure("org.mtb.notification");

    @ArchTest
    static final ArchRule rendersTemplatesInPlainJava = noClasses()
            .that().haveSimpleName("MessageTemplates").or().haveSimpleName("Notice")
            .or().haveSimpleName("RenderedMessage").or().haveSimpleName("Redaction")
            .or().haveSimpleName("TemplateTexts")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "tools.jackson..");

    @ArchTest
    static final ArchTests codeRules = ArchTests.in(ServiceArchitecture.CodeRules.class);
}
