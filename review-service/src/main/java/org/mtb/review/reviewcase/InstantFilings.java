package org.mtb.review.reviewcase;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.mtb.contracts.catalog.CatalogDisease;
import org.mtb.contracts.catalog.MaterialRequirement;
import org.mtb.contracts.catalog.Period;
import org.mtb.contracts.catalog.ReviewRules;
import org.mtb.contracts.intake.ApplicationSubmitted;
import org.mtb.contracts.intake.SuppliedMaterial;
import org.mtb.contracts.review.QualificationGranted;
import org.mtb.review.policy.PolicyCopy;
import org.springframework.stereotype.Component;

/**
 * Instant filing (即时备案) of the categories a region files at once: when a case of such a category opens, the
 * region's rule is checked (the disease on the region's list in that category, every mandatory material present, the
 * diagnosing hospital's level, the diagnosis's date); when it holds, the qualification is granted at once by the
 * system, with the rule's version recorded, and the case waits for a reviewer's post-check (事后审核) where the rule
 * asks for one. When it does not hold, the case is reviewed as any other, within the category's time limit.
 */
@Component
class InstantFilings {

    static final String SYSTEM = "system:instant-filing";

    private final Approvals approvals;

    InstantFilings(Approvals approvals) {
        this.approvals = approvals;
    }

    /** The check of the rule for this submission; null where the region files nothing of its category at once. */
    @Nullable InstantFiling check(ApplicationSubmitted submitted, @Nullable PolicyCopy catalog, Instant now,
            ZoneId zone) {
        ReviewRules.InstantFiling rule = catalog == null || catalog.policy() == null ? null
                : catalog.policy().reviewRules().instantFiling();
        if (rule == null || !rule.categories().contains(submitted.diseaseCategory())) {
            return null;
        }
        List<String> failures = new ArrayList<>();
        CatalogDisease disease = catalog.diseases() == null ? null : catalog.diseases().stream()
                .filter(d -> d.code().equals(submitted.diseaseCode())).findFirst().orElse(null);
        if (disease == null || !rule.categories().contains(disease.category())) {
            failures.add("DISEASE_NOT_LISTED: " + submitted.diseaseCode() + " is not on the region's list of "
                    + rule.categories());
        }
        if (rule.completeMandatoryMaterials()) {
            Set<String> supplied = submitted.materials() == null ? Set.of() : submitted.materials().stream()
                    .filter(m -> m.materialIds() != null && !m.materialIds().isEmpty())
                    .map(SuppliedMaterial::type).collect(Collectors.toSet());
            List<String> waived = catalog.policy().materialsWaivedByEVoucher() == null ? List.of()
                    : catalog.policy().materialsWaivedByEVoucher();
            List<String> missing = catalog.policy().materialsFor(disease).values().stream()
                    .filter(m -> m.requirement() == MaterialRequirement.Requirement.MANDATORY)
                    .map(MaterialRequirement::type)
                    .filter(type -> !supplied.contains(type) && !waived.contains(type)).toList();
            if (!missing.isEmpty()) {
                failures.add("MATERIALS_INCOMPLETE: " + String.join(", ", missing));
            }
        }
        if (rule.minimumHospitalLevel() != null && submitted.hospital().level() < rule.minimumHospitalLevel()) {
            failures.add("HOSPITAL_LEVEL: level " + submitted.hospital().level() + " below "
                    + rule.minimumHospitalLevel());
        }
        if (rule.diagnosisWithin() != null) {
            checkDiagnosisDate(submitted, rule.diagnosisWithin(), LocalDate.ofInstant(now, zone), failures);
        }
        return new InstantFiling(rule.ruleVersion(), failures.isEmpty(), failures, now);
    }

    /**
     * The case as filed: the qualification granted at once by the system, waiting for its post-check where the rule
     * asks for one; a case whose check failed keeps it on record and is reviewed as any other.
     */
    ReviewCase filed(ReviewCase opened, InstantFiling filing, boolean postCheck, Instant now,
            List<org.mtb.review.timer.DueTimer> timersOfAll) {
        if (!filing.held()) {
            return with(opened, opened.status(), filing, null, List.of());
        }
        Approvals.Approval granted = approvals.granted(opened, LocalDate.ofInstant(now,
                approvals.zoneOf(opened.regionCode())), now, QualificationGranted.Grant.INSTANT_FILING,
                filing.ruleVersion(), false);
        timersOfAll.addAll(granted.timers());
        return with(opened, postCheck ? CaseStatus.FILED : CaseStatus.APPROVED, filing, granted.qualification(),
                granted.events());
    }

    private static void checkDiagnosisDate(ApplicationSubmitted submitted, Period within, LocalDate today,
            List<String> failures) {
        LocalDate newest = submitted.materials() == null ? null : submitted.materials().stream()
                .map(SuppliedMaterial::issuedOn).filter(Objects::nonNull).max(LocalDate::compareTo).orElse(null);
        if (newest == null) {
            failures.add("DIAGNOSIS_DATE_UNKNOWN: no material states its date");
            return;
        }
        LocalDate earliest = switch (within.unit()) {
            case MONTHS -> today.minusMonths(within.amount());
            case YEARS -> today.minusYears(within.amount());
            case CALENDAR_DAYS, WORKING_DAYS -> today.minusDays(within.amount());
        };
        if (newest.isBefore(earliest)) {
            failures.add("DIAGNOSIS_TOO_OLD: dated " + newest + ", before " + earliest);
        }
    }

    private static ReviewCase with(ReviewCase c, CaseStatus status, InstantFiling filing,
            @Nullable Qualification qualification, List<org.mtb.support.outbox.OutboxEntry> events) {
        List<org.mtb.support.outbox.OutboxEntry> outbox = new ArrayList<>(c.outbox());
        outbox.addAll(events);
        return new ReviewCase(c.applicationNumber(), c.submittedEventId(), c.regionCode(), c.diseaseCode(),
                c.diseaseName(), c.diseaseCategory(), c.applicant(), c.hospital(), c.conditionSummary(), c.channel(),
                c.submittedAt(), c.openedAt(), status, c.decision(), c.catalogVersion(), qualification == null
                        ? c.sla() : null, c.version(), outbox, c.supplements(), c.closing(), c.claim(), c.notice(),
                qualification, filing, c.extensions(), c.succession(), c.routing(), c.votes());
    }
}
