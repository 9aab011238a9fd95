package org.mtb.intake.application;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.mtb.contracts.review.QualificationGranted;

/**
 * What followed an approval, as the applicant reads it: the public notice's days (公示期), the qualification with its
 * dates, and why an approval was withdrawn (an upheld objection) or a qualification revoked.
 *
 * @param noticeFrom          the notice's first day; null where there is none, or it is not known yet
 * @param noticeUntil         the notice's last day: objections may be raised until then
 * @param qualificationNumber the qualification granted (资格编号); null until granted
 * @param validFrom           the qualification's first day
 * @param validTo             its last day before a re-check or renewal; null where it is long-term
 * @param reason              why the qualification was revoked, or the objection upheld; null otherwise
 */
record Aftermath(@Nullable LocalDate noticeFrom, @Nullable LocalDate noticeUntil, @Nullable String qualificationNumber,
        QualificationGranted.@Nullable Grant grantedBy, @Nullable LocalDate validFrom, @Nullable LocalDate validTo,
        @Nullable String reason) {

    /** Null until review tells of a notice or a qualification. */
    static @Nullable Aftermath of(Application application) {
        PublicNotice notice = application.publicNotice();
        Qualification qualification = application.qualification();
        if (notice == null && qualification == null) {
            return null;
        }
        String reason = qualification != null && qualification.revocationReason() != null
                ? qualification.revocationReason()
                : notice == null ? null : notice.upheld().map(PublicNotice.Objection::reason).orElse(null);
        return new Aftermath(notice == null ? null : notice.from(), notice == null ? null : notice.until(),
                qualification == null ? null : qualification.number(),
                qualification == null ? null : qualification.grantedBy(),
                qualification == null ? null : qualification.validFrom(),
                qualification == null ? null : qualification.validTo(), reason);
    }
}
