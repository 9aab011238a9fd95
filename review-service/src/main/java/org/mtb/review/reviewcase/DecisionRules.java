package org.mtb.review.reviewcase;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.mtb.contracts.catalog.CatalogDisease;
import org.mtb.contracts.catalog.ReviewRules;
import org.mtb.contracts.review.DecisionOutcome;
import org.mtb.review.policy.PolicyCopy;
import org.mtb.support.web.FieldProblem;

/**
 * Checks a decision against the region's catalog in force: coded reasons from its list, and an answer to every point
 * of the case's checklist (the region's criteria, then the disease's). Every problem is reported at once.
 */
final class DecisionRules {

    static final int MAX_NOTE = 500;

    private DecisionRules() {
    }

    /** What a checked decision adds to the request: the coded reasons' texts and the checklist with its texts. */
    record Checked(List<String> reasonCodes, List<String> reasonTexts, List<Decision.CheckedCriterion> checklist) {

        /** What the applicant is told: each coded reason's text, then the reviewer's own words. */
        List<String> told(DecisionRequest request) {
            List<String> told = new ArrayList<>(reasonTexts);
            if (request.reasons() != null) {
                request.reasons().stream().map(String::strip).forEach(told::add);
            }
            return told;
        }
    }

    static Checked check(DecisionRequest request, @Nullable PolicyCopy catalog, String diseaseCode,
            List<FieldProblem> problems) {
        ReviewRules rules = catalog == null || catalog.policy() == null
                ? new ReviewRules(List.of(), List.of(), null, null, null, null, null)
                : catalog.policy().reviewRules();
        List<String> texts = reasonTexts(request, rules, problems);
        List<String> codes = request.reasonCodes() == null ? List.of()
                : request.reasonCodes().stream().map(code -> code == null ? "" : code.strip()).toList();
        return new Checked(codes, texts, checklist(request, criteria(rules, catalog, diseaseCode), problems));
    }

    /** The region's criteria, then the disease's own. */
    static List<ReviewRules.Criterion> criteria(ReviewRules rules, @Nullable PolicyCopy catalog, String diseaseCode) {
        List<ReviewRules.Criterion> all = new ArrayList<>(rules.criteria());
        if (catalog != null && catalog.diseases() != null) {
            catalog.diseases().stream().filter(d -> d.code().equals(diseaseCode)).findFirst()
                    .map(CatalogDisease::criteria).ifPresent(all::addAll);
        }
        return all;
    }

    private static List<String> reasonTexts(DecisionRequest request, ReviewRules rules, List<FieldProblem> problems) {
        Map<String, String> known = new LinkedHashMap<>();
        rules.rejectionReasons().forEach(reason -> known.put(reason.code(), reason.text()));
        List<@Nullable String> codes = request.reasonCodes() == null ? List.of() : request.reasonCodes();
        List<String> texts = new ArrayList<>();
        if (request.outcome() == DecisionOutcome.APPROVED && !codes.isEmpty()) {
            problems.add(new FieldProblem("reasonCodes", "NOT_ACCEPTED", "an approval gives no rejection reason"));
            return texts;
        }
        boolean hasFreeText = request.reasons() != null
                && request.reasons().stream().anyMatch(r -> r != null && !r.isBlank());
        if (request.outcome() == DecisionOutcome.REJECTED && !known.isEmpty() && codes.isEmpty()) {
            problems.add(new FieldProblem("reasonCodes", "REQUIRED",
                    "a rejection names at least one of the region's reasons: " + String.join(", ", known.keySet())));
        }
        if (request.outcome() == DecisionOutcome.REJECTED && known.isEmpty() && !hasFreeText) {
            problems.add(new FieldProblem("reasons", "REQUIRED", "a rejection must give at least one reason"));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i) == null ? "" : codes.get(i).strip();
            if (!known.containsKey(code)) {
                problems.add(new FieldProblem("reasonCodes[" + i + "]", "UNKNOWN_CODE",
                        "is not a rejection reason of the region; known: " + String.join(", ", known.keySet())));
            } else if (!seen.add(code)) {
                problems.add(new FieldProblem("reasonCodes[" + i + "]", "DUPLICATE", "is named twice"));
            } else {
                texts.add(known.get(code));
            }
        }
        return texts;
    }

    private static List<Decision.CheckedCriterion> checklist(DecisionRequest request,
            List<ReviewRules.Criterion> criteria, List<FieldProblem> problems) {
        Map<String, String> known = new LinkedHashMap<>();
        criteria.forEach(criterion -> known.put(criterion.code(), criterion.text()));
        List<DecisionRequest.@Nullable CriterionAnswer> answers = request.checklist() == null ? List.of()
                : request.checklist();
        Map<String, Decision.CheckedCriterion> checked = new LinkedHashMap<>();
        for (int i = 0; i < answers.size(); i++) {
            DecisionRequest.CriterionAnswer answer = answers.get(i);
            String at = "checklist[" + i + "]";
            String code = answer == null || answer.code() == null ? "" : answer.code().strip();
            if (!known.containsKey(code)) {
                problems.add(new FieldProblem(at + ".code", "UNKNOWN_CODE",
                        "is not a point of this case's checklist; its points: " + String.join(", ", known.keySet())));
            } else if (checked.containsKey(code)) {
                problems.add(new FieldProblem(at + ".code", "DUPLICATE", "is answered twice"));
            } else if (answer.met() == null) {
                problems.add(new FieldProblem(at + ".met", "REQUIRED", "true or false"));
            } else if (answer.note() != null && answer.note().length() > MAX_NOTE) {
                problems.add(new FieldProblem(at + ".note", "TOO_LONG", "at most " + MAX_NOTE + " characters"));
            } else {
                if (request.outcome() == DecisionOutcome.APPROVED && !answer.met()) {
                    problems.add(new FieldProblem(at + ".met", "NOT_MET",
                            "an approval needs every point met: " + known.get(code)));
                }
                String note = answer.note() == null || answer.note().isBlank() ? null : answer.note().strip();
                checked.put(code, new Decision.CheckedCriterion(code, known.get(code), answer.met(), note));
            }
        }
        List<String> unanswered = known.keySet().stream().filter(code -> !checked.containsKey(code)).toList();
        if (!unanswered.isEmpty() && request.outcome() != null) {
            problems.add(new FieldProblem("checklist", "INCOMPLETE",
                    "every point must be answered; unanswered: " + String.join(", ", unanswered)));
        }
        List<Decision.CheckedCriterion> ordered = new ArrayList<>();
        known.keySet().stream().filter(checked::containsKey).forEach(code -> ordered.add(checked.get(code)));
        return ordered;
    }
}
