package org.mtb.catalog.region;

import static org.mtb.catalog.region.FieldChecks.DUPLICATE;
import static org.mtb.catalog.region.FieldChecks.INCONSISTENT;
import static org.mtb.catalog.region.FieldChecks.INVALID_FORMAT;
import static org.mtb.catalog.region.FieldChecks.OUT_OF_RANGE;
import static org.mtb.catalog.region.FieldChecks.REQUIRED;
import static org.mtb.catalog.region.FieldChecks.isBlank;
import static org.mtb.catalog.region.FieldChecks.missing;
import static org.mtb.catalog.region.FieldChecks.period;
import static org.mtb.catalog.region.FieldChecks.required;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.mtb.contracts.catalog.ReviewRules;
import org.mtb.support.web.FieldProblem;

/**
 * Checks a policy's review rules ({@code policy.review}) and the checklist of each disease: codes that review may
 * record and notification may look up, texts an applicant can read, and a source for every value, also for a rule
 * left out. Who reviews, the instant filing and the designated institutions are checked by
 * {@link ReviewRoutingChecks}.
 */
final class ReviewValidator {

    /** A reason or checklist code is stored with a decision and named in messages, so it is a stable identifier. */
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,63}");
    private static final String FIELD = "policy.review";

    private ReviewValidator() {
    }

    /** Optional; a version without review rules (stored before them) states none. */
    static void check(@Nullable Policy policy, List<RegionDisease> diseases, List<FieldProblem> problems) {
        if (policy == null || policy.review() == null) {
            return;
        }
        Review review = policy.review();
        if (review.rejectionReasons().isEmpty()) {
            problems.add(new FieldProblem(FIELD + ".rejectionReasons", REQUIRED,
                    "names no reason: a rejection must name at least one"));
        }
        items(review.rejectionReasons(), FIELD + ".rejectionReasons", problems);
        items(review.criteria(), FIELD + ".criteria", problems);
        ReviewRoutingChecks.routing(review.routing(), diseases, problems);
        required(problems, FIELD + ".routingSource", review.routingSource());
        extension(review.extension(), problems);
        required(problems, FIELD + ".extensionSource", review.extensionSource());
        ReviewRoutingChecks.instantFiling(review.instantFiling(), policy.reviewTimeLimits(), problems);
        required(problems, FIELD + ".instantFilingSource", review.instantFilingSource());
        reminder(policy, diseases, problems);
        required(problems, FIELD + ".recheckReminderBeforeSource", review.recheckReminderBeforeSource());
        ReviewRoutingChecks.designatedInstitutions(review.designatedInstitutions(), problems);
        required(problems, FIELD + ".designatedInstitutionsSource", review.designatedInstitutionsSource());
    }

    /**
     * A disease's own checklist: none is fine; each code once, and none of the region's checklist again, which
     * would leave a reviewer two texts for one point.
     */
    static void checkDisease(RegionDisease disease, String at, @Nullable Policy policy, List<FieldProblem> problems) {
        List<ReviewRules.Criterion> criteria = disease.criteria();
        if (criteria.isEmpty()) {
            return;
        }
        Map<String, String> seen = new HashMap<>(regionCriteria(policy));
        for (int i = 0; i < criteria.size(); i++) {
            String itemAt = at + ".criteria[" + i + "]";
            ReviewRules.Criterion criterion = criteria.get(i);
            if (criterion == null) {
                problems.add(new FieldProblem(itemAt, REQUIRED, "is empty"));
                continue;
            }
            code(criterion.code(), itemAt, seen, problems);
            required(problems, itemAt + ".text", criterion.text());
        }
        required(problems, at + ".criteriaSource", disease.criteriaSource());
    }

    private static void items(List<Review.Item> items, String field, List<FieldProblem> problems) {
        Map<String, String> seen = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            String at = field + "[" + i + "]";
            Review.Item item = items.get(i);
            if (item == null) {
                problems.add(new FieldProblem(at, REQUIRED, "is empty"));
                continue;
            }
            code(item.code(), at, seen, problems);
            required(problems, at + ".text", item.text());
            required(problems, at + ".source", item.source());
        }
    }

    private static void code(@Nullable String code, String at, Map<String, String> seen, List<FieldProblem> problems) {
        if (isBlank(code)) {
            problems.add(missing(at + ".code"));
        } else if (!CODE.matcher(code).matches()) {
            problems.add(new FieldProblem(at + ".code", INVALID_FORMAT,
                    "must be 2 to 64 upper-case letters, digits and '_' from a letter, e.g. CRITERIA_NOT_MET"));
        } else {
            String first = seen.putIfAbsent(code, at);
            if (first != null) {
                problems.add(new FieldProblem(at + ".code", DUPLICATE, "repeats " + code + " of " + first));
            }
        }
    }

    /** The codes of the region's checklist, each with the field that holds it. */
    private static Map<String, String> regionCriteria(@Nullable Policy policy) {
        Map<String, String> codes = new HashMap<>();
        if (policy != null && policy.review() != null) {
            List<Review.Item> criteria = policy.review().criteria();
            for (int i = 0; i < criteria.size(); i++) {
                Review.Item item = criteria.get(i);
                if (item != null && !isBlank(item.code())) {
                    codes.putIfAbsent(item.code(), FIELD + ".criteria[" + i + "]");
                }
            }
        }
        return codes;
    }

    private static void extension(Review.@Nullable Extension extension, List<FieldProblem> problems) {
        if (extension == null) {
            return;
        }
        String at = FIELD + ".extension";
        if (extension.by() == null) {
            problems.add(missing(at + ".by"));
        } else {
            period(problems, at + ".by", extension.by());
        }
        if (extension.atMost() == null) {
            problems.add(missing(at + ".atMost"));
        } else if (extension.atMost() < 1) {
            problems.add(new FieldProblem(at + ".atMost", OUT_OF_RANGE, "must be at least 1 extension per case"));
        }
    }

    /** A reminder before a re-check needs a re-check: the region's or at least one disease's. */
    private static void reminder(Policy policy, List<RegionDisease> diseases, List<FieldProblem> problems) {
        if (policy.review().recheckReminderBefore() == null) {
            return;
        }
        String at = FIELD + ".recheckReminderBefore";
        period(problems, at, policy.review().recheckReminderBefore());
        boolean rechecked = policy.recheckEvery() != null
                || diseases.stream().anyMatch(d -> d != null && d.recheckEvery() != null);
        if (!rechecked) {
            problems.add(new FieldProblem(at, INCONSISTENT,
                    "reminds of a re-check there is none of: policy.recheckEvery and every disease's are empty"));
        }
    }
}
