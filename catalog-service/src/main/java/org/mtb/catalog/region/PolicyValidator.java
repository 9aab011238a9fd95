package org.mtb.catalog.region;

import static org.mtb.catalog.region.FieldChecks.DUPLICATE;
import static org.mtb.catalog.region.FieldChecks.INCONSISTENT;
import static org.mtb.catalog.region.FieldChecks.INSURANCE_TYPE_NOT_ACCEPTED;
import static org.mtb.catalog.region.FieldChecks.INVALID_VALUE;
import static org.mtb.catalog.region.FieldChecks.OUT_OF_RANGE;
import static org.mtb.catalog.region.FieldChecks.REQUIRED;
import static org.mtb.catalog.region.FieldChecks.isBlank;
import static org.mtb.catalog.region.FieldChecks.missing;
import static org.mtb.catalog.region.FieldChecks.period;
import static org.mtb.catalog.region.FieldChecks.present;
import static org.mtb.catalog.region.FieldChecks.required;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.mtb.contracts.DiseaseCategory;
import org.mtb.contracts.InsuranceType;
import org.mtb.contracts.catalog.EffectiveDateRule;
import org.mtb.support.web.FieldProblem;

/**
 * Checks a region's policy: a time limit for exactly the categories it lists, a notice where benefits wait for
 * one, reimbursement only for insurance types it accepts, and a source for every value.
 */
final class PolicyValidator {

    /** A sanity bound, not policy: no region in the seeds takes more than 20 working days. */
    private static final double MAX_WORKING_DAYS = 60;

    private PolicyValidator() {
    }

    static void check(@Nullable Policy policy, Set<DiseaseCategory> categoriesListed,
            @Nullable List<InsuranceType> accepted, List<FieldProblem> problems) {
        if (policy == null) {
            problems.add(missing("policy"));
            return;
        }
        timeLimits(policy.reviewTimeLimits(), categoriesListed, problems);
        present(problems, "policy.supplementRestartsClock", policy.supplementRestartsClock());
        required(problems, "policy.supplementRestartsClockSource", policy.supplementRestartsClockSource());
        if (policy.publicNotice() != null) {
            period(problems, "policy.publicNotice", policy.publicNotice());
        }
        required(problems, "policy.publicNoticeSource", policy.publicNoticeSource());
        if (policy.effectiveDateRule() == null) {
            problems.add(missing("policy.effectiveDateRule"));
        } else if (policy.effectiveDateRule() == EffectiveDateRule.AFTER_PUBLIC_NOTICE
                && policy.publicNotice() == null) {
            problems.add(new FieldProblem("policy.publicNotice", REQUIRED,
                    "is required when effectiveDateRule is AFTER_PUBLIC_NOTICE"));
        }
        required(problems, "policy.effectiveDateRuleSource", policy.effectiveDateRuleSource());
        if (policy.recheckEvery() != null) {
            period(problems, "policy.recheckEvery", policy.recheckEvery());
        }
        required(problems, "policy.recheckEverySource", policy.recheckEverySource());
        MaterialValidator.checkRegion(policy.materials(), problems);
        reimbursements(policy, categoriesListed, accepted, problems);
        OptionalPolicyChecks.identityVerifications(policy, problems);
        OptionalPolicyChecks.materialsWaivedByEVoucher(policy, problems);
        OptionalPolicyChecks.supplementWithin(policy, problems);
    }

    private static void timeLimits(@Nullable List<TimeLimit> limits, Set<DiseaseCategory> categoriesListed,
            List<FieldProblem> problems) {
        String field = "policy.reviewTimeLimits";
        if (limits == null) {
            problems.add(missing(field));
            return;
        }
        Map<DiseaseCategory, String> limited = new EnumMap<>(DiseaseCategory.class);
        for (int i = 0; i < limits.size(); i++) {
            String at = field + "[" + i + "]";
            TimeLimit limit = limits.get(i);
            if (limit == null) {
                problems.add(new FieldProblem(at, REQUIRED, "is empty"));
                continue;
            }
            if (limit.category() == null) {
                problems.add(missing(at + ".category"));
            } else if (!categoriesListed.contains(limit.category())) {
                problems.add(new FieldProblem(at + ".category", INCONSISTENT,
                        limit.category() + " is not a category this region lists"));
            } else {
                String first = limited.putIfAbsent(limit.category(), at);
                if (first != null) {
                    problems.add(new FieldProblem(at + ".category", DUPLICATE,
                            limit.category() + " already has a time limit in " + first));
                }
            }
            workingDays(limit, at, problems);
            required(problems, at + ".source", limit.source());
        }
        for (DiseaseCategory category : categoriesListed) {
            if (!limited.containsKey(category)) {
                problems.add(new FieldProblem(field, REQUIRED,
                        "has no time limit for " + category + ", a category this region lists"));
            }
        }
    }

    private static void workingDays(TimeLimit limit, String at, List<FieldProblem> problems) {
        Double days = limit.workingDays();
        if (limit.kind() == null) {
            problems.add(missing(at + ".kind"));
            return;
        }
        switch (limit.kind()) {
            case WORKING_DAYS -> {
                if (days == null) {
                    problems.add(new FieldProblem(at + ".workingDays", REQUIRED,
                            "is required for a WORKING_DAYS time limit"));
                } else if (!(days > 0 && days <= MAX_WORKING_DAYS)) {
                    problems.add(new FieldProblem(at + ".workingDays", OUT_OF_RANGE,
                            "must be above 0 and at most " + (int) MAX_WORKING_DAYS));
                } else if (Math.rint(days * 2) != days * 2) {
                    problems.add(new FieldProblem(at + ".workingDays", INVALID_VALUE,
                            "must be a whole or half number of working days, e.g. 0.5 or 20"));
                }
            }
            case IMMEDIATE -> {
                if (days != null) {
                    problems.add(new FieldProblem(at + ".workingDays", INCONSISTENT,
                            "must be empty for an IMMEDIATE time limit"));
                }
            }
        }
    }

    private static void reimbursements(Policy policy, Set<DiseaseCategory> categoriesListed,
            @Nullable List<InsuranceType> accepted, List<FieldProblem> problems) {
        String field = "policy.reimbursements";
        List<ReimbursementRule> rules = policy.reimbursements();
        if (rules == null) {
            problems.add(missing(field));
            return;
        }
        if (rules.isEmpty() && isBlank(policy.reimbursementsSource())) {
            problems.add(new FieldProblem("policy.reimbursementsSource", REQUIRED,
                    "must say why no reimbursement is listed"));
        }
        Map<String, String> terms = new HashMap<>();
        for (int i = 0; i < rules.size(); i++) {
            String at = field + "[" + i + "]";
            ReimbursementRule rule = rules.get(i);
            if (rule == null) {
                problems.add(new FieldProblem(at, REQUIRED, "is empty"));
                continue;
            }
            if (rule.insuranceType() == null) {
                problems.add(missing(at + ".insuranceType"));
            } else if (accepted != null && !accepted.contains(rule.insuranceType())) {
                problems.add(new FieldProblem(at + ".insuranceType", INSURANCE_TYPE_NOT_ACCEPTED,
                        rule.insuranceType() + " is not an insurance type this region accepts"));
            }
            if (rule.category() != null && !categoriesListed.contains(rule.category())) {
                problems.add(new FieldProblem(at + ".category", INCONSISTENT,
                        rule.category() + " is not a category this region lists"));
            }
            String key = rule.insuranceType() + " in " + (rule.category() == null ? "every category" : rule.category());
            String first = terms.putIfAbsent(key, at);
            if (first != null) {
                problems.add(new FieldProblem(at, DUPLICATE, "repeats the terms for " + key + " of " + first));
            }
            rates(rule, at, problems);
            limits(rule, at, problems);
            present(problems, at + ".limitSharedWithInpatient", rule.limitSharedWithInpatient());
            required(problems, at + ".source", rule.source());
        }
    }

    private static void rates(ReimbursementRule rule, String at, List<FieldProblem> problems) {
        boolean fromValid = rate(rule.rateFrom(), at + ".rateFrom", problems);
        boolean toValid = rate(rule.rateTo(), at + ".rateTo", problems);
        if (fromValid && toValid && rule.rateFrom() > rule.rateTo()) {
            problems.add(new FieldProblem(at + ".rateTo", INCONSISTENT, "is below rateFrom"));
        }
    }

    private static boolean rate(@Nullable Double rate, String field, List<FieldProblem> problems) {
        if (rate == null) {
            problems.add(missing(field));
            return false;
        }
        if (!(rate >= 0 && rate <= 1)) {
            problems.add(new FieldProblem(field, OUT_OF_RANGE, "must be a share from 0 to 1, e.g. 0.85 for 85%"));
            return false;
        }
        return true;
    }

    private static void limits(ReimbursementRule rule, String at, List<FieldProblem> problems) {
        Integer from = rule.annualLimitFromYuan();
        Integer to = rule.annualLimitToYuan();
        if (from == null && to != null) {
            problems.add(new FieldProblem(at + ".annualLimitFromYuan", REQUIRED,
                    "is required with annualLimitToYuan; a single limit is given twice"));
        } else if (from != null && to == null) {
            problems.add(new FieldProblem(at + ".annualLimitToYuan", REQUIRED,
                    "is required with annualLimitFromYuan; a single limit is given twice"));
        }
        boolean fromValid = positive(from, at + ".annualLimitFromYuan", problems);
        boolean toValid = positive(to, at + ".annualLimitToYuan", problems);
        if (fromValid && toValid && from > to) {
            problems.add(new FieldProblem(at + ".annualLimitToYuan", INCONSISTENT, "is below annualLimitFromYuan"));
        }
        positive(rule.annualLimitSeveralDiseasesYuan(), at + ".annualLimitSeveralDiseasesYuan", problems);
    }

    /** Whether a stated limit is usable; an absent one is not, and is no problem here. */
    private static boolean positive(@Nullable Integer yuan, String field, List<FieldProblem> problems) {
        if (yuan == null) {
            return false;
        }
        if (yuan <= 0) {
            problems.add(new FieldProblem(field, OUT_OF_RANGE, "must be above 0 yuan"));
            return false;
        }
        return true;
    }
}
