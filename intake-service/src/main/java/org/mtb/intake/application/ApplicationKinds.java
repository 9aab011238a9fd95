package org.mtb.intake.application;

import java.util.Optional;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.mtb.contracts.intake.ApplicationKind;
import org.mtb.support.web.ApiException;

/**
 * What kind of application a person may make, given what the person holds for the disease ({@link InsuredDiseases}). A
 * new application for a disease the person holds a qualification for is refused with that qualification's number; a
 * renewal names the qualification of that disease; a change (病情变化或新增病种) names a qualification the person holds
 * in the region, of this disease or another.
 */
final class ApplicationKinds {

    private ApplicationKinds() {
    }

    /** The refusal of this kind of application, if any. */
    static Optional<ApiException> refusal(ApplicationKind kind, @Nullable String named,
            @Nullable String heldForThisDisease, String insuredIndex, String regionCode, Applications applications,
            UnaryOperator<@Nullable String> visible) {
        if (kind == ApplicationKind.NEW) {
            return Optional.ofNullable(heldForThisDisease)
                    .map(number -> ApplicationProblems.qualificationAlreadyHeld(visible.apply(number)));
        }
        if (named == null || named.isBlank()) {
            return Optional.of(ApplicationProblems.qualificationRequired(kind));
        }
        boolean concerns = kind == ApplicationKind.RENEWAL ? named.equals(heldForThisDisease)
                : named.equals(heldForThisDisease) || applications.find(named)
                        .filter(a -> a.status() == ApplicationStatus.APPROVED)
                        .filter(a -> insuredIndex.equals(a.applicant().idNumberIndex()))
                        .filter(a -> a.regionCode().equals(regionCode)).isPresent();
        return concerns ? Optional.empty() : Optional.of(ApplicationProblems.qualificationNotHeld(kind, named));
    }
}
