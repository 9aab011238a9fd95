package org.mtb.review.reviewcase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mtb.contracts.DiseaseCategory;
import org.mtb.contracts.catalog.CatalogDisease;
import org.mtb.contracts.catalog.EffectiveDateRule;
import org.mtb.contracts.catalog.RegionPolicy;
import org.mtb.contracts.catalog.ReviewRules;
import org.mtb.contracts.review.DecisionOutcome;
import org.mtb.review.policy.PolicyCopy;
import org.mtb.support.web.FieldProblem;

class DecisionRulesTests {

    private static final PolicyCopy CATALOG = new PolicyCopy("620900", "2025.3", "2025-01-01",
            new RegionPolicy(List.of(), true, null, EffectiveDateRule.DAY_OF_APPROVAL, null, List.of(), List.of(), null,
                    null, null, new ReviewRules(List.of(new ReviewRules.RejectionReason("NOT_LISTED", "病种不在目录内"),
                            new ReviewRules.RejectionReason("CRITERIA_NOT_MET", "未达认定标准")),
                            List.of(new ReviewRules.Criterion("STAMPED", "有医院公章")), null, null, null, null, null)),
            "e", Instant.EPOCH, List.of(new CatalogDisease("M1", "恶性肿瘤", DiseaseCategory.SPECIAL, List.of(), null,
                    List.of(new ReviewRules.Criterion("PATHOLOGY", "病理报告"))),
                    new CatalogDisease("M2", "高血压", DiseaseCategory.CHRONIC)), "酒泉市");

    @Test
    void aRejectionNamesACodedReasonWhereTheRegionHasThemAndTheApplicantReadsItsText() {
        List<FieldProblem> problems = new ArrayList<>();
        var checked = DecisionRules.check(new DecisionRequest(DecisionOutcome.REJECTED, List.of("补充说明"), null,
                List.of("CRITERIA_NOT_MET"), List.of(answer("STAMPED", false))), CATALOG, "M2", problems);

        assertThat(problems).isEmpty();
        assertThat(checked.reasonTexts()).containsExactly("未达认定标准");
        assertThat(checked.checklist()).extracting(Decision.CheckedCriterion::text, Decision.CheckedCriterion::met)
                .containsExactly(tuple("有医院公章", false));
    }

    @Test
    void refusesFreeTextAloneUnknownAndRepeatedCodesAndCodesOnAnApproval() {
        List<FieldProblem> rejection = new ArrayList<>();
        DecisionRules.check(new DecisionRequest(DecisionOutcome.REJECTED, List.of("不符合"), null, null,
                List.of(answer("STAMPED", true))), CATALOG, "M2", rejection);
        List<FieldProblem> codes = new ArrayList<>();
        DecisionRules.check(new DecisionRequest(DecisionOutcome.REJECTED, null, null,
                List.of("NOT_LISTED", "NOPE", "NOT_LISTED"), List.of(answer("STAMPED", true))), CATALOG, "M2", codes);
        List<FieldProblem> approval = new ArrayList<>();
        DecisionRules.check(new DecisionRequest(DecisionOutcome.APPROVED, null, null, List.of("NOT_LISTED"),
                List.of(answer("STAMPED", true))), CATALOG, "M2", approval);

        assertThat(rejection).extracting(FieldProblem::field, FieldProblem::code)
                .containsExactly(tuple("reasonCodes", "REQUIRED"));
        assertThat(codes).extracting(FieldProblem::field, FieldProblem::code)
                .containsExactly(tuple("reasonCodes[1]", "UNKNOWN_CODE"), tuple("reasonCodes[2]", "DUPLICATE"));
        assertThat(approval).extracting(FieldProblem::field, FieldProblem::code)
                .containsExactly(tuple("reasonCodes", "NOT_ACCEPTED"));
    }

    @Test
    void theChecklistIsTheRegionsThenTheDiseasesAndAnApprovalNeedsEveryPointMet() {
        List<FieldProblem> incomplete = new ArrayList<>();
        DecisionRules.check(new DecisionRequest(DecisionOutcome.APPROVED, null, null, null,
                List.of(answer("STAMPED", true), answer("STAMPED", true), answer("X", true))), CATALOG, "M1",
                incomplete);
        List<FieldProblem> unmet = new ArrayList<>();
        var checked = DecisionRules.check(new DecisionRequest(DecisionOutcome.APPROVED, null, null, null,
                List.of(answer("PATHOLOGY", false), answer("STAMPED", true))), CATALOG, "M1", unmet);

        assertThat(incomplete).extracting(FieldProblem::field, FieldProblem::code).containsExactly(
                tuple("checklist[1].code", "DUPLICATE"), tuple("checklist[2].code", "UNKNOWN_CODE"),
                tuple("checklist", "INCOMPLETE"));
        assertThat(unmet).extracting(FieldProblem::field, FieldProblem::code)
                .containsExactly(tuple("checklist[0].met", "NOT_MET"));
        assertThat(checked.checklist()).extracting(Decision.CheckedCriterion::code)
                .as("in the catalog's order").containsExactly("STAMPED", "PATHOLOGY");
    }

    private static DecisionRequest.CriterionAnswer answer(String code, boolean met) {
        return new DecisionRequest.CriterionAnswer(code, met, null);
    }
}
