package org.mtb.intake.application;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.mtb.contracts.intake.ApplicationKind;
import org.mtb.support.web.ApiException;

/**
 * What kind of application a person may make. A new application for a disease the person already holds a
 * qualification for is refused with that qualification's number; a renewal names the qualification of the same
 * disease it renews; a change (病情变化或新增病种) names a qualification the person holds in the region.
 */
final class ApplicationKinds {

    private final Qualifications qualifications;
    private final Applications applications;

    ApplicationKinds(Qualifications qualifications, Applications applications) {
        this.qualifications = qualifications;
        this.applications = applications;
    }

    /** The refusal of this kind of application for the person, if any. */
    Optional<ApiException> refusal(ApplicationKind kind, @Nullable String qualificationNumber, String insuredIndex,
            String regionCode, String diseaseCode) {
        Optional<String> held = qualifications.held(insuredIndex, regionCode, diseaseCode);
        if (kind == ApplicationKind.NEW) {
            return held.map(number -> ApplicationProblems.qualificationAlreadyHeld(number, diseaseCode));
        }
        if (qualificationNumber == null || qualificationNumber.isBlank()) {
            return Optional.of(ApplicationProblems.qualificationRequired(kind));
        }
        Optional<Application> named = applications.find(qualificationNumber)
                .filter(a -> a.status() == ApplicationStatus.APPROVED)
                .filter(a -> insuredIndex.equals(a.applicant().idNumberIndex()))
                .filter(a -> a.regionCode().equals(regionCode));
        boolean concerns = kind == ApplicationKind.RENEWAL
                ? named.filter(a -> a.diseaseCode().equals(diseaseCode)).isPresent() : named.isPresent();
        return concerns ? Optional.empty()
                : Optional.of(ApplicationProblems.qualificationNotHeld(kind, qualificationNumber));
    }
}
