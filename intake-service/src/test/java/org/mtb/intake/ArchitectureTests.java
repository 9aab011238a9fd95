package org.mtb.intake;


import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import org.mtb.support.architecture.ServiceArchitecture;

@AnalyzeClasses(packages = "org.mtb.intake", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule sharesOnlyTheLibraries = ServiceArchitecture.dependsOnlyOnTheSharedLibraries("org.mtb.intake");

    @ArchTest
    static final ArchRule keepsNoCopyOfSharedInfrastructure =
            ServiceArchitecture.keepsNoCopyOfSharedInfrastructure("org.mtb.intake");

    @ArchTest
    static final ArchTests codeRules = ArchTests.in(ServiceArchitecture.CodeRules.class);
}
