package org.mtb.catalog.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.mtb.catalog.region.RegionFixtures.diseases;
import static org.mtb.catalog.region.RegionFixtures.material;
import static org.mtb.catalog.region.RegionFixtures.reimbursements;
import static org.mtb.catalog.region.RegionFixtures.timeLimits;
import static org.mtb.contracts.DiseaseCategory.CHRONIC;
import static org.mtb.contracts.DiseaseCategory.LOCAL_EXTENSION;
import static org.mtb.contracts.DiseaseCategory.SPECIAL;
import static org.mtb.contracts.InsuranceType.EMPLOYEE;
import static org.mtb.contracts.InsuranceType.FLEXIBLE;
import static org.mtb.contracts.InsuranceType.RESIDENT;

import java.time.LocalDate;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.mtb.support.web.FieldProblem;
import org.mtb.contracts.catalog.EffectiveDateRule;
import org.mtb.contracts.catalog.IdentityVerification;
import org.mtb.contracts.catalog.MaterialRequirement.Requirement;
import org.mtb.contracts.catalog.Period;
import org.mtb.contracts.catalog.ReviewTimeLimit.Kind;

/** The policy rules of a region version; each problem names its field and a stable code. */
class PolicyValidatorTests {

    @Test
    void identityVerificationsAreOptionalButWhenStatedAtLeastOneNoneTwiceAndSourced() {
        Policy valid = RegionFixtures.policy();
        assertThat(problems(withIdentity(valid, List.of(IdentityVerification.FACE_CHECK), "seed 002"))).isEmpty();
        assertThat(problems(withIdentity(valid, List.of(), "seed 002")))
                .containsExactly(tuple("policy.identityVerifications", "REQUIRED"));
        assertThat(problems(withIdentity(valid, List.of(IdentityVerification.FACE_CHECK,
                IdentityVerification.FACE_CHECK), " "))).containsExactly(
                tuple("policy.identityVerifications[1]", "DUPLICATE"),
                tuple("policy.identityVerificationsSource", "REQUIRED"));
    }

    private static Policy withIdentity(Policy p, List<IdentityVerification> methods, String source) {
        return new Policy(p.reviewTimeLimits(), p.supplementRestartsClock(), p.supplementRestartsClockSource(),
                p.publicNotice(), p.publicNoticeSource(), p.effectiveDateRule(), p.effectiveDateRuleSource(),
                p.recheckEvery(), p.recheckEverySource(), p.materials(), p.reimbursements(), p.reimbursementsSource(),
                methods, source, p.supplementWithin(), p.supplementWithinSource(), null, null, p.review());
    }

    private static Policy withSupplementWithin(@Nullable Period within, @Nullable String source) {
        Policy p = RegionFixtures.policy();
        return new Policy(p.reviewTimeLimits(), p.supplementRestartsClock(), p.supplementRestartsClockSource(),
                p.publicNotice(), p.publicNoticeSource(), p.effectiveDateRule(), p.effectiveDateRuleSource(),
                p.recheckEvery(), p.recheckEverySource(), p.materials(), p.reimbursements(), p.reimbursementsSource(),
                p.identityVerifications(), p.identityVerificationsSource(), within, source, null, null, p.review());
    }

    @Test
    void takesATimeToSupplementInWorkingDaysCalendarDaysOrMonthsWithItsSource() {
        for (Period.Unit unit : List.of(Period.Unit.WORKING_DAYS, Period.Unit.CALENDAR_DAYS, Period.Unit.MONTHS)) {
            assertThat(problems(withSupplementWithin(new Period(1, unit), "PROJECT ASSUMPTION: a month")))
                    .as(unit.name()).isEmpty();
        }
    }

    @Test
    void leavesTheTimeToSupplementOutWhenTheVersionStatesNone() {
        assertThat(problems(withSupplementWithin(null, null))).isEmpty();
    }

    @Test
    void wantsASourceForTheTimeToSupplement() {
        assertThat(problems(withSupplementWithin(new Period(30, Period.Unit.CALENDAR_DAYS), " ")))
                .containsExactly(tuple("policy.supplementWithinSource", "REQUIRED"));
        assertThat(problems(withSupplementWithin(new Period(30, Period.Unit.CALENDAR_DAYS), null)))
                .containsExactly(tuple("policy.supplementWithinSource", "REQUIRED"));
    }

    @Test
    void refusesAnInvalidTimeToSupplementOrOneCountedInYears() {
        assertThat(problems(withSupplementWithin(new Period(0, null), "s"))).containsExactly(
                tuple("policy.supplementWithin.amount", "OUT_OF_RANGE"),
                tuple("policy.supplementWithin.unit", "REQUIRED"));
        assertThat(problems(withSupplementWithin(new Period(1, Period.Unit.YEARS), "s")))
                .containsExactly(tuple("policy.supplementWithin.unit", "INVALID_VALUE"));
    }

    private static List<Tuple> problems(Policy policy) {
        RegionFile file = RegionFixtures.file("2025.1", LocalDate.of(2025, 1, 1), diseases(), policy);
        return RegionFileValidator.problems(file).stream().map(p -> tuple(p.field(), p.code())).toList();
    }

    private static Policy withLimits(List<TimeLimit> limits) {
        return RegionFixtures.policy(limits, null, EffectiveDateRule.ON_APPROVAL, List.of(material("ID_CARD")),
                reimbursements());
    }

    private static Policy withReimbursements(List<ReimbursementRule> rules) {
        return RegionFixtures.policy(timeLimits(), null, EffectiveDateRule.ON_APPROVAL, List.of(material("ID_CARD")),
                rules);
    }

    private static Policy withMaterials(List<Material> materials) {
        return RegionFixtures.policy(timeLimits(), null, EffectiveDateRule.ON_APPROVAL, materials, reimbursements());
    }

    private static List<Tuple> problemsOfAChronicLimit(Kind kind, Double workingDays) {
        return problems(withLimits(List.of(new TimeLimit(SPECIAL, Kind.IMMEDIATE, null, "s"),
                new TimeLimit(CHRONIC, kind, workingDays, "s"))));
    }

    @Test
    void acceptsTheFixturePolicy() {
        assertThat(problems(RegionFixtures.policy())).isEmpty();
    }

    @Test
    void refusesAVersionWithoutPolicy() {
        assertThat(problems(null)).containsExactly(tuple("policy", "REQUIRED"));
    }

    @Test
    void wantsOneTimeLimitForEachCategoryTheRegionListsAndNoneForOthers() {
        List<TimeLimit> limits = List.of(new TimeLimit(CHRONIC, Kind.WORKING_DAYS, 20.0, "s"),
                new TimeLimit(LOCAL_EXTENSION, Kind.WORKING_DAYS, 1.0, "s"),
                new TimeLimit(CHRONIC, Kind.WORKING_DAYS, 10.0, "s"));

        assertThat(problems(withLimits(limits))).containsExactly(
                tuple("policy.reviewTimeLimits[1].category", "INCONSISTENT"),
                tuple("policy.reviewTimeLimits[2].category", "DUPLICATE"),
                tuple("policy.reviewTimeLimits", "REQUIRED"));
    }

    @Test
    void takesWholeOrHalfWorkingDaysAboveZeroAndAtMostSixty() {
        assertThat(problemsOfAChronicLimit(Kind.WORKING_DAYS, 0.5)).isEmpty();
        assertThat(problemsOfAChronicLimit(Kind.WORKING_DAYS, 60.0)).isEmpty();
        assertThat(problemsOfAChronicLimit(Kind.WORKING_DAYS, 0.0))
                .containsExactly(tuple("policy.reviewTimeLimits[1].workingDays", "OUT_OF_RANGE"));
        assertThat(problemsOfAChronicLimit(Kind.WORKING_DAYS, 60.5))
                .containsExactly(tuple("policy.reviewTimeLimits[1].workingDays", "OUT_OF_RANGE"));
        assertThat(problemsOfAChronicLimit(Kind.WORKING_DAYS, 0.3))
                .containsExactly(tuple("policy.reviewTimeLimits[1].workingDays", "INVALID_VALUE"));
        assertThat(problemsOfAChronicLimit(Kind.WORKING_DAYS, null))
                .containsExactly(tuple("policy.reviewTimeLimits[1].workingDays", "REQUIRED"));
    }

    @Test
    void wantsNoWorkingDaysForAnImmediateLimit() {
        assertThat(problemsOfAChronicLimit(Kind.IMMEDIATE, null)).isEmpty();
        assertThat(problemsOfAChronicLimit(Kind.IMMEDIATE, 1.0))
                .containsExactly(tuple("policy.reviewTimeLimits[1].workingDays", "INCONSISTENT"));
        assertThat(problemsOfAChronicLimit(null, 1.0))
                .containsExactly(tuple("policy.reviewTimeLimits[1].kind", "REQUIRED"));
    }

    @Test
    void wantsANoticePeriodWhenBenefitsStartAfterThePublicNotice() {
        Policy withoutNotice = RegionFixtures.policy(timeLimits(), null, EffectiveDateRule.AFTER_PUBLIC_NOTICE,
                List.of(material("ID_CARD")), reimbursements());
        Policy withNotice = RegionFixtures.policy(timeLimits(), new Period(5, Period.Unit.WORKING_DAYS),
                EffectiveDateRule.AFTER_PUBLIC_NOTICE, List.of(material("ID_CARD")), reimbursements());
        Policy withEmptyNotice = RegionFixtures.policy(timeLimits(), new Period(0, null),
                EffectiveDateRule.AFTER_PUBLIC_NOTICE, List.of(material("ID_CARD")), reimbursements());

        assertThat(problems(withoutNotice)).containsExactly(tuple("policy.publicNotice", "REQUIRED"));
        assertThat(problems(withNotice)).isEmpty();
        assertThat(problems(withEmptyNotice)).containsExactly(tuple("policy.publicNotice.amount", "OUT_OF_RANGE"),
                tuple("policy.publicNotice.unit", "REQUIRED"));
    }

    @Test
    void checksRatesLimitsAcceptedInsuranceTypesAndCategoriesOfEveryReimbursement() {
        List<ReimbursementRule> rules = List.of(
                new ReimbursementRule(RESIDENT, SPECIAL, 1.2, 0.9, null, null, null, true, "s"),
                new ReimbursementRule(EMPLOYEE, CHRONIC, 0.9, 0.7, 20000, 5000, null, false, "s"),
                new ReimbursementRule(FLEXIBLE, null, 0.5, 0.5, 1000, null, -1, null, null),
                new ReimbursementRule(RESIDENT, SPECIAL, 0.85, 0.85, null, null, null, true, "s"),
                new ReimbursementRule(EMPLOYEE, LOCAL_EXTENSION, 0.5, 0.5, null, null, null, false, "s"));

        assertThat(problems(withReimbursements(rules))).containsExactly(
                tuple("policy.reimbursements[0].rateFrom", "OUT_OF_RANGE"),
                tuple("policy.reimbursements[1].rateTo", "INCONSISTENT"),
                tuple("policy.reimbursements[1].annualLimitToYuan", "INCONSISTENT"),
                tuple("policy.reimbursements[2].insuranceType", "INSURANCE_TYPE_NOT_ACCEPTED"),
                tuple("policy.reimbursements[2].annualLimitToYuan", "REQUIRED"),
                tuple("policy.reimbursements[2].annualLimitSeveralDiseasesYuan", "OUT_OF_RANGE"),
                tuple("policy.reimbursements[2].limitSharedWithInpatient", "REQUIRED"),
                tuple("policy.reimbursements[2].source", "REQUIRED"),
                tuple("policy.reimbursements[3]", "DUPLICATE"),
                tuple("policy.reimbursements[4].category", "INCONSISTENT"));
    }

    @Test
    void wantsAReasonWhenNoReimbursementIsListed() {
        assertThat(problems(withReimbursements(List.of())))
                .containsExactly(tuple("policy.reimbursementsSource", "REQUIRED"));
    }

    @Test
    void checksTypesFormatsSizesFreshnessHospitalLevelAndConditionOfEveryMaterial() {
        List<Material> materials = List.of(
                new Material("ID_CARD", "身份证", Requirement.MANDATORY, null, null, null, List.of("JPG", "GIF"), 80,
                        "s"),
                new Material("ID_CARD", "身份证", Requirement.MANDATORY, "AGENT_APPLICATION", 0, 4, List.of(), null,
                        null),
                new Material("agent id", "代办人身份证", Requirement.CONDITIONAL, null, 12, 2, List.of("PDF"), 5, "s"));

        assertThat(problems(withMaterials(materials))).containsExactly(
                tuple("policy.materials[0].formats[1]", "INVALID_VALUE"),
                tuple("policy.materials[0].maxSizeMb", "OUT_OF_RANGE"),
                tuple("policy.materials[1].type", "DUPLICATE"),
                tuple("policy.materials[1].condition", "INCONSISTENT"),
                tuple("policy.materials[1].freshnessMonths", "OUT_OF_RANGE"),
                tuple("policy.materials[1].minHospitalLevel", "OUT_OF_RANGE"),
                tuple("policy.materials[1].formats", "REQUIRED"),
                tuple("policy.materials[1].maxSizeMb", "REQUIRED"),
                tuple("policy.materials[1].source", "REQUIRED"),
                tuple("policy.materials[2].type", "INVALID_FORMAT"),
                tuple("policy.materials[2].condition", "REQUIRED"));
        assertThat(problems(withMaterials(List.of()))).containsExactly(tuple("policy.materials", "REQUIRED"));
    }

    @Test
    void wantsASourceForEveryValue() {
        Material unsourced = new Material("ID_CARD", "身份证", Requirement.MANDATORY, null, null, null, List.of("PDF"),
                5, " ");
        Policy policy = new Policy(List.of(new TimeLimit(SPECIAL, Kind.IMMEDIATE, null, null),
                new TimeLimit(CHRONIC, Kind.WORKING_DAYS, 20.0, " ")), true, null, null, null,
                EffectiveDateRule.ON_APPROVAL, null, new Period(1, Period.Unit.YEARS), null, List.of(unsourced),
                List.of(), null, null, null, new Period(30, Period.Unit.CALENDAR_DAYS), null, null, null, null);

        assertThat(problems(policy)).containsExactly(
                tuple("policy.reviewTimeLimits[0].source", "REQUIRED"),
                tuple("policy.reviewTimeLimits[1].source", "REQUIRED"),
                tuple("policy.supplementRestartsClockSource", "REQUIRED"),
                tuple("policy.publicNoticeSource", "REQUIRED"),
                tuple("policy.effectiveDateRuleSource", "REQUIRED"),
                tuple("policy.recheckEverySource", "REQUIRED"),
                tuple("policy.materials[0].source", "REQUIRED"),
                tuple("policy.reimbursementsSource", "REQUIRED"),
                tuple("policy.supplementWithinSource", "REQUIRED"));
    }

    @Test
    void answersEveryProblemOfAVersionTogether() {
        Policy policy = new Policy(List.of(new TimeLimit(SPECIAL, Kind.WORKING_DAYS, 0.3, "s")), null, "s", null, "s",
                EffectiveDateRule.AFTER_PUBLIC_NOTICE, "s", null, "s",
                List.of(new Material("ID_CARD", "身份证", Requirement.MANDATORY, null, null, null, List.of("GIF"), 0,
                        "s")),
                List.of(new ReimbursementRule(FLEXIBLE, null, 1.5, 0.9, null, null, null, false, "s")), null, null,
                null, null, null, null, null, null);
        RegionFile file = new RegionFile("6590", "铁门关市", "新疆维吾尔自治区", " ", null, "seed 003",
                List.of(EMPLOYEE, RESIDENT), "seed 003", RegionFixtures.DECLARED, null,
                List.of(RegionFixtures.disease("M01200", "血友病", SPECIAL),
                        RegionFixtures.disease("M01200", "血友病", CHRONIC)),
                policy);

        List<FieldProblem> problems = RegionFileValidator.problems(file);

        assertThat(problems).extracting(FieldProblem::field, FieldProblem::code).containsExactlyInAnyOrder(
                tuple("regionCode", "INVALID_FORMAT"),
                tuple("version", "REQUIRED"),
                tuple("effectiveFrom", "REQUIRED"),
                tuple("declaredDiseaseCountSource", "REQUIRED"),
                tuple("diseases[1].code", "DUPLICATE"),
                tuple("policy.reviewTimeLimits[0].workingDays", "INVALID_VALUE"),
                tuple("policy.reviewTimeLimits", "REQUIRED"),
                tuple("policy.supplementRestartsClock", "REQUIRED"),
                tuple("policy.publicNotice", "REQUIRED"),
                tuple("policy.materials[0].formats[0]", "INVALID_VALUE"),
                tuple("policy.materials[0].maxSizeMb", "OUT_OF_RANGE"),
                tuple("policy.reimbursements[0].insuranceType", "INSURANCE_TYPE_NOT_ACCEPTED"),
                tuple("policy.reimbursements[0].rateFrom", "OUT_OF_RANGE"));
        assertThat(problems).allSatisfy(p -> assertThat(p.message()).isNotBlank());
    }
}
