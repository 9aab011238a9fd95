package org.mtb.catalog.region;

import static org.mtb.catalog.region.FieldChecks.DUPLICATE;
import static org.mtb.catalog.region.FieldChecks.INVALID_VALUE;
import static org.mtb.catalog.region.FieldChecks.REQUIRED;
import static org.mtb.catalog.region.FieldChecks.period;
import static org.mtb.catalog.region.FieldChecks.required;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.mtb.contracts.catalog.IdentityVerification;
import org.mtb.contracts.catalog.Period;
import org.mtb.support.web.FieldProblem;

/** The checks of a policy's optional rules, each stated with its source or left out ({@link PolicyValidator}). */
final class OptionalPolicyChecks {

    private OptionalPolicyChecks() {
    }

    /**
     * Optional; when stated, a period of days or months with its source. Years are refused: a time to supplement
     * counts the weeks it takes to get a new certificate from a hospital, and a year-long wait would keep a case
     * open, and its applicant without an answer, far beyond any review time limit.
     */
    static void supplementWithin(Policy policy, List<FieldProblem> problems) {
        Period within = policy.supplementWithin();
        if (within == null) {
            return;
        }
        String field = "policy.supplementWithin";
        period(problems, field, within);
        if (within.unit() == Period.Unit.YEARS) {
            problems.add(new FieldProblem(field + ".unit", INVALID_VALUE,
                    "must be WORKING_DAYS, CALENDAR_DAYS or MONTHS: a time to supplement is not counted in years"));
        }
        required(problems, "policy.supplementWithinSource", policy.supplementWithinSource());
    }

    /** Optional; when stated, types of the region's own materials, each once, with its source. */
    static void materialsWaivedByEVoucher(Policy policy, List<FieldProblem> problems) {
        List<String> waived = policy.materialsWaivedByEVoucher();
        if (waived == null) {
            return;
        }
        String field = "policy.materialsWaivedByEVoucher";
        java.util.Set<String> known = new java.util.HashSet<>();
        if (policy.materials() != null) {
            policy.materials().forEach(material -> known.add(material.type()));
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < waived.size(); i++) {
            String type = waived.get(i);
            if (type == null || !known.contains(type)) {
                problems.add(new FieldProblem(field + "[" + i + "]", INVALID_VALUE,
                        "must be the type of one of the region's materials"));
            } else if (!seen.add(type)) {
                problems.add(new FieldProblem(field + "[" + i + "]", DUPLICATE, type + " is named twice"));
            }
        }
        required(problems, "policy.materialsWaivedByEVoucherSource", policy.materialsWaivedByEVoucherSource());
    }

    /** Optional; when stated, at least one method, none twice, with its source. */
    static void identityVerifications(Policy policy, List<FieldProblem> problems) {
        List<IdentityVerification> methods = policy.identityVerifications();
        if (methods == null) {
            return;
        }
        String field = "policy.identityVerifications";
        if (methods.isEmpty()) {
            problems.add(new FieldProblem(field, REQUIRED, "name at least one method, or leave the field out"));
        }
        Set<IdentityVerification> seen = EnumSet.noneOf(IdentityVerification.class);
        for (int i = 0; i < methods.size(); i++) {
            IdentityVerification method = methods.get(i);
            if (method == null) {
                problems.add(new FieldProblem(field + "[" + i + "]", REQUIRED, "is empty"));
            } else if (!seen.add(method)) {
                problems.add(new FieldProblem(field + "[" + i + "]", DUPLICATE, "names " + method + " again"));
            }
        }
        required(problems, "policy.identityVerificationsSource", policy.identityVerificationsSource());
    }
}
