package org.mtb.catalog.region;

import static org.mtb.contracts.DiseaseCategory.CHRONIC;
import static org.mtb.contracts.DiseaseCategory.SPECIAL;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.mtb.contracts.DiseaseCategory;
import org.mtb.contracts.InsuranceType;
import org.mtb.contracts.catalog.EffectiveDateRule;
import org.mtb.contracts.catalog.MaterialRequirement.Requirement;
import org.mtb.contracts.catalog.Period;
import org.mtb.contracts.catalog.ReviewRules;
import org.mtb.contracts.catalog.ReviewTimeLimit.Kind;

/** A small valid Tiemenguan version, and the parts tests vary: every value sourced, every rule met. */
final class RegionFixtures {

    static final DiseaseCount DECLARED = new DiseaseCount(30, Map.of(SPECIAL, 7, CHRONIC, 23));

    private RegionFixtures() {
    }

    static Material material(String type) {
        return new Material(type, "材料 " + type, Requirement.MANDATORY, null, null, null, List.of("JPG", "PNG", "PDF"),
                5, "seed 003");
    }

    static RegionDisease disease(String code, String name, DiseaseCategory category) {
        return new RegionDisease(code, name, category, "seed 003 / national table", "seed 003", null, List.of(), null,
                null, List.of(), null);
    }

    static List<TimeLimit> timeLimits() {
        return List.of(new TimeLimit(SPECIAL, Kind.IMMEDIATE, null, "seed 003 实时办结"),
                new TimeLimit(CHRONIC, Kind.WORKING_DAYS, 20.0, "seed 003 20个工作日"));
    }

    static List<ReimbursementRule> reimbursements() {
        return List.of(
                new ReimbursementRule(InsuranceType.RESIDENT, SPECIAL, 0.85, 0.85, null, null, null, true, "seed 003"),
                new ReimbursementRule(InsuranceType.EMPLOYEE, CHRONIC, 0.85, 0.85, 1000, 1000, 2000, false, "seed 003"));
    }

    static Policy policy(List<TimeLimit> limits, Period notice, EffectiveDateRule rule, List<Material> materials,
            List<ReimbursementRule> reimbursements) {
        return new Policy(limits, true, "DOMAIN.md 补正", notice, "seed 003 names none", rule, "seed 003 即时生效", null,
                "seed 003 states none", materials, reimbursements, null, null, null,
                new Period(30, Period.Unit.CALENDAR_DAYS), "assumed: a month to get a new certificate", null, null,
                null);
    }

    /** The fixture's policy with the fixture's review rules. */
    static Policy policy() {
        return withReview(policy(timeLimits(), null, EffectiveDateRule.ON_APPROVAL,
                List.of(material("IDENTITY_DOCUMENT")), reimbursements()), review());
    }

    static Policy withReview(Policy p, @Nullable Review review) {
        return new Policy(p.reviewTimeLimits(), p.supplementRestartsClock(), p.supplementRestartsClockSource(),
                p.publicNotice(), p.publicNoticeSource(), p.effectiveDateRule(), p.effectiveDateRuleSource(),
                p.recheckEvery(), p.recheckEverySource(), p.materials(), p.reimbursements(), p.reimbursementsSource(),
                p.identityVerifications(), p.identityVerificationsSource(), p.supplementWithin(),
                p.supplementWithinSource(), p.materialsWaivedByEVoucher(), p.materialsWaivedByEVoucherSource(), review);
    }

    /**
     * Review rules that hold for any disease list of the fixture's categories: the bureau reviews without a panel,
     * special diseases (decided at once) are filed at once, no re-check reminder.
     */
    static Review review() {
        return new Review(
                List.of(new Review.Item("DISEASE_NOT_LISTED", "申请病种不在本统筹区门诊慢特病病种范围内", "seed 003 病种范围"),
                        new Review.Item("CRITERIA_NOT_MET", "病情未达到申请病种的认定标准", "assumed")),
                List.of(new Review.Item("DISEASE_MATCHES_RECORDS", "申请病种与病历资料一致", "seed 003 病种与病历资料需一致")),
                new Review.Routing(ReviewRules.Reviewers.BUREAU, null, List.of(), null, List.of()),
                "assumed: the bureau",
                new Review.Extension(new Period(10, Period.Unit.WORKING_DAYS), 1), "seed 003 遇特殊情况可延长",
                new Review.InstantFiling(List.of(SPECIAL), "659006-IF-test", true, 2,
                        new Period(6, Period.Unit.MONTHS), true), "seed 003 即时备案",
                null, "long-term, nothing to remind of",
                new Review.DesignatedInstitutions(List.of(new Review.Institution("H65900600001", "第二师医院", 3)), 1),
                "assumed: one hospital");
    }

    static RegionFile file(String version, LocalDate effectiveFrom, List<RegionDisease> diseases, Policy policy) {
        return new RegionFile("659006", "铁门关市", "新疆维吾尔自治区", version, effectiveFrom, "seed 003",
                List.of(InsuranceType.EMPLOYEE, InsuranceType.RESIDENT), "seed 003", DECLARED, "seed 003", diseases,
                policy);
    }

    /** Haemophilia with an additional material, its own re-check and checklist point; a chronic disease with none. */
    static List<RegionDisease> diseases() {
        RegionDisease haemophilia = new RegionDisease("M01200", "血友病", SPECIAL, "national code CONFIRMED", "seed 003",
                null, List.of(material("COAGULATION_FACTOR_TEST")), new Period(2, Period.Unit.YEARS), "assumed",
                List.of(new ReviewRules.Criterion("FACTOR_LEVEL_CONFIRMS", "凝血因子活性检测支持血友病诊断")),
                "assumed: the factor test");
        return List.of(haemophilia, disease("L659006-006", "高血压Ⅱ期及以上", CHRONIC));
    }

    static RegionFile file() {
        return file("2025.1", LocalDate.of(2025, 1, 1), diseases(), policy());
    }

    static RegionVersion stored(RegionFile file) {
        return RegionVersion.of(file, Instant.EPOCH, null);
    }
}
