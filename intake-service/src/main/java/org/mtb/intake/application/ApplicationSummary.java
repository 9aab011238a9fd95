package org.mtb.intake.application;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One line of "my applications" (我的申请): enough to tell one's own and one's family's applications apart and see
 * what each waits for, without the condition summary.
 *
 * @param applicantName the insured person's masked name
 * @param deadline      the review's promised moment, or the applicant's time to supplement
 * @param aftermath     the public notice's days, the qualification's number and dates, the reason an approval was
 *        withdrawn or a qualification revoked; null until review tells of any
 */
record ApplicationSummary(String applicationNumber, ApplicationStatus status, String regionCode, String diseaseCode,
        String diseaseName, String applicantName, Instant submittedAt, @Nullable Instant deadline,
        int supplementRounds, NextStep nextStep, @Nullable Aftermath aftermath) {

    static ApplicationSummary of(Application a, PersonalDataSeals seals) {
        NextStep next = NextStep.of(a);
        return new ApplicationSummary(a.applicationNumber(), a.status(), a.regionCode(), a.diseaseCode(),
                a.diseaseName(), seals.masked(a).name(), a.submittedAt(), next.dueAt(),
                a.supplements() == null ? 0 : a.supplements().size(), next, Aftermath.of(a));
    }
}
