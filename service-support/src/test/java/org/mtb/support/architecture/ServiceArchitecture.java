package org.mtb.support.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The rules every service keeps, written once: each service's {@code ArchitectureTests} names them for its own base
 * package. Shipped to the services in this module's test jar.
 */
public final class ServiceArchitecture {

    /** The shared libraries, by package: contracts, working-calendar and service-support. */
    static final String[] SHARED_LIBRARIES = {"org.mtb.contracts..", "org.mtb.calendar..", "org.mtb.support.."};

    private ServiceArchitecture() {
    }

    /** A service's code depends on its own packages and the shared libraries, never on another service's. */
    public static ArchRule dependsOnlyOnTheSharedLibraries(String servicePackage) {
        String[] allowed = new String[SHARED_LIBRARIES.length + 1];
        allowed[0] = servicePackage + "..";
        System.arraycopy(SHARED_LIBRARIES, 0, allowed, 1, SHARED_LIBRARIES.length);
        return noClasses().that().resideInAPackage(servicePackage + "..").should().dependOnClassesThat(
                resideInAPackage("org.mtb..").and(not(resideInAnyPackage(allowed))))
                .because("services share only contracts, working-calendar and service-support");
    }

    /**
     * Problem answers, MongoDB health and the outbox live once, in service-support: a service that handles
     * exceptions for every controller, checks MongoDB's health or relays events itself keeps a second copy.
     */
    public static ArchRule keepsNoCopyOfSharedInfrastructure(String servicePackage) {
        return noClasses().that().resideInAPackage(servicePackage + "..").should().beAssignableTo(
                "org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler")
                .orShould().beAnnotatedWith("org.springframework.web.bind.annotation.RestControllerAdvice")
                .orShould().beAnnotatedWith("org.springframework.web.bind.annotation.ControllerAdvice")
                .orShould().beAssignableTo("org.springframework.boot.health.contributor.AbstractHealthIndicator")
                .orShould().dependOnClassesThat(assignableTo("org.springframework.cloud.stream.function.StreamBridge"))
                .orShould().haveSimpleNameEndingWith("OutboxRelay")
                .because("problem answers, health and the outbox relay live once, in service-support");
    }

    /**
     * Every package says nothing is null unless marked ({@code @NullMarked} on its {@code package-info}), so a
     * {@code @Nullable} tells where null carries meaning.
     */
    public static ArchRule everyPackageIsNullMarked() {
        return classes().should(new ArchCondition<JavaClass>("reside in a package annotated @NullMarked") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                if (!type.getPackage().isAnnotatedWith("org.jspecify.annotations.NullMarked")) {
                    events.add(SimpleConditionEvent.violated(type, "package " + type.getPackageName() + " of "
                            + type.getSimpleName() + " has no @NullMarked package-info"));
                }
            }
        });
    }

    public static ArchRule printsNothingToTheConsole() {
        return noClasses().should().accessField(System.class, "out").orShould().accessField(System.class, "err");
    }

    public static ArchRule injectsThroughConstructorsOnly() {
        return noFields().should().beAnnotatedWith("org.springframework.beans.factory.annotation.Autowired");
    }

    /**
     * The rules every module's code keeps, whatever it does: included by each module's architecture test with
     * {@code @ArchTest static final ArchTests codeRules = ArchTests.in(ServiceArchitecture.CodeRules.class);}.
     */
    public static final class CodeRules {

        @ArchTest
        public static final ArchRule everyPackageIsNullMarked = everyPackageIsNullMarked();

        @ArchTest
        public static final ArchRule printsNothingToTheConsole = printsNothingToTheConsole();

        @ArchTest
        public static final ArchRule injectsThroughConstructorsOnly = injectsThroughConstructorsOnly();

        private CodeRules() {
        }
    }
}
