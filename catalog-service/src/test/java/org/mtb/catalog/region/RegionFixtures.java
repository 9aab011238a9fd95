package org.mtb.catalog.region;

import static org.mtb.contracts.DiseaseCategory.CHRONIC;
import static org.mtb.contracts.DiseaseCategory.SPECIAL;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.mtb.contracts.DiseaseCategory;
import org.mtb.contracts.InsuranceType;
import org.mtb.contracts.catalog.EffectiveDateRule;
import org.mtb.contracts.catalog.MaterialRequirement.Requirement;
import org.mtb.contracts.catalog.Period;
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
                null);
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
                new Period(30, Period.Unit.CALENDAR_DAYS), "assumed: a month to get a new certificate", null, null);
    }

    static Policy policy() {
        return policy(timeLimits(), null, EffectiveDateRule.ON_APPROVAL, List.of(material("IDENTITY_DOCUMENT")),
                reimbursements());
    }

    static RegionFile file(String version, LocalDate effectiveFrom, List<RegionDisease> diseases, Policy policy) {
        return new RegionFile("659006", "铁门关市", "新疆维吾尔自治区", version, effectiveFrom, "seed 003",
                List.of(InsuranceType.EMPLOYEE, InsuranceType.RESIDENT), "seed 003", DECLARED, "seed 003", diseases,
                policy);
    }

    /** Haemophilia with an additional material and its own re-check, and a chronic disease with neither. */
    static List<RegionDisease> diseases() {
        RegionDisease haemophilia = new RegionDisease("M01200", "血友病", SPECIAL, "national code CONFIRMED", "seed 003",
                null, List.of(material("COAGULATION_FACTOR_TEST")), new Period(2, Period.Unit.YEARS), "assumed");
        return List.of(haemophilia, disease("L659006-006", "高血压Ⅱ期及以上", CHRONIC));
    }

    static RegionFile file() {
        return file("2025.1", LocalDate.of(2025, 1, 1), diseases(), policy());
    }

    static RegionVersion stored(RegionFile file) {
        return RegionVersion.of(file, Instant.EPOCH, null);
    }
}
