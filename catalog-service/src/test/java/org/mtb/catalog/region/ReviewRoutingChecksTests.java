package org.mtb.catalog.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.mtb.catalog.region.ReviewValidatorTests.problems;
import static org.mtb.contracts.DiseaseCategory.CHRONIC;
import static org.mtb.contracts.DiseaseCategory.SPECIAL;
import static org.mtb.contracts.catalog.ReviewRules.Reviewers.BUREAU;
import static org.mtb.contracts.catalog.ReviewRules.Reviewers.COMMISSIONED_INSTITUTION;
import static org.mtb.contracts.catalog.ReviewRules.Reviewers.DIAGNOSING_INSTITUTION;

import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.mtb.contracts.catalog.Period;

/** Who reviews, the instant filing and the designated institutions of a version's review rules. */
class ReviewRoutingChecksTests {

    private static final Review VALID = RegionFixtures.review();

    private static Review withRouting(Review.@Nullable Routing routing) {
        Review r = VALID;
        return new Review(r.rejectionReasons(), r.criteria(), routing, r.routingSource(), r.extension(),
                r.extensionSource(), r.instantFiling(), r.instantFilingSource(), r.recheckReminderBefore(),
                r.recheckReminderBeforeSource(), r.designatedInstitutions(), r.designatedInstitutionsSource());
    }

    private static Review withFiling(Review.@Nullable InstantFiling filing) {
        Review r = VALID;
        return new Review(r.rejectionReasons(), r.criteria(), r.routing(), r.routingSource(), r.extension(),
                r.extensionSource(), filing, r.instantFilingSource(), r.recheckReminderBefore(),
                r.recheckReminderBeforeSource(), r.designatedInstitutions(), r.designatedInstitutionsSource());
    }

    private static Review withDesignated(Review.@Nullable DesignatedInstitutions designated) {
        Review r = VALID;
        return new Review(r.rejectionReasons(), r.criteria(), r.routing(), r.routingSource(), r.extension(),
                r.extensionSource(), r.instantFiling(), r.instantFilingSource(), r.recheckReminderBefore(),
                r.recheckReminderBeforeSource(), designated, r.designatedInstitutionsSource());
    }

    private static Review.Institution hospital(String code, int level) {
        return new Review.Institution(code, "医院 " + code, level);
    }

    @Test
    void takesAPanelOfListedDiseasesWithItsSize() {
        Review.Routing panel = new Review.Routing(BUREAU, null, List.of(), 2, List.of("M01200", "L659006-006"));

        assertThat(problems(withRouting(panel))).isEmpty();
        assertThat(problems(withRouting(null))).as("the bureau reviews every case").isEmpty();
    }

    @Test
    void refusesAPanelOfDiseasesTheRegionDoesNotListOrWithoutItsSize() {
        Review.Routing routing = new Review.Routing(DIAGNOSING_INSTITUTION, 4, List.of(), null,
                Arrays.asList("M01200", "M99999", "M01200", " "));

        assertThat(problems(withRouting(routing))).containsExactly(
                tuple("policy.review.routing.minimumHospitalLevel", "OUT_OF_RANGE"),
                tuple("policy.review.routing.panelDiseases[1]", "INCONSISTENT"),
                tuple("policy.review.routing.panelDiseases[2]", "DUPLICATE"),
                tuple("policy.review.routing.panelDiseases[3]", "REQUIRED"),
                tuple("policy.review.routing.panelSize", "REQUIRED"));
    }

    @Test
    void wantsAPanelOfAtLeastOneExpertAndNoSizeWithoutPanelDiseases() {
        assertThat(problems(withRouting(new Review.Routing(BUREAU, null, List.of(), 0, List.of("M01200")))))
                .containsExactly(tuple("policy.review.routing.panelSize", "OUT_OF_RANGE"));
        assertThat(problems(withRouting(new Review.Routing(BUREAU, null, List.of(), 2, List.of()))))
                .containsExactly(tuple("policy.review.routing.panelSize", "INCONSISTENT"));
    }

    @Test
    void namesWhoReviewsAndGivesAHospitalLevelOrCommissionedInstitutionsOnlyWhereTheyApply() {
        Review.Routing bureau = new Review.Routing(BUREAU, 2, List.of(hospital("H65900600001", 3)), null, List.of());

        assertThat(problems(withRouting(bureau))).containsExactly(
                tuple("policy.review.routing.minimumHospitalLevel", "INCONSISTENT"),
                tuple("policy.review.routing.commissioned", "INCONSISTENT"));
        assertThat(problems(withRouting(new Review.Routing(null, null, null, null, null))))
                .containsExactly(tuple("policy.review.routing.reviewers", "REQUIRED"));
        assertThat(problems(withRouting(new Review.Routing(COMMISSIONED_INSTITUTION, null, List.of(), null, null))))
                .as("a bureau that has not named its institutions yet").isEmpty();
    }

    @Test
    void checksEveryCommissionedInstitution() {
        List<Review.Institution> institutions = Arrays.asList(new Review.Institution("H6590060001", " ", 0),
                hospital("H65900600001", 2), new Review.Institution("H65900600001", "第二师医院", 4),
                new Review.Institution(null, null, null), null);

        assertThat(problems(withRouting(new Review.Routing(COMMISSIONED_INSTITUTION, null, institutions, null,
                List.of())))).containsExactly(
                        tuple("policy.review.routing.commissioned[0].code", "INVALID_FORMAT"),
                        tuple("policy.review.routing.commissioned[0].name", "REQUIRED"),
                        tuple("policy.review.routing.commissioned[0].level", "OUT_OF_RANGE"),
                        tuple("policy.review.routing.commissioned[2].code", "DUPLICATE"),
                        tuple("policy.review.routing.commissioned[2].level", "OUT_OF_RANGE"),
                        tuple("policy.review.routing.commissioned[3].code", "REQUIRED"),
                        tuple("policy.review.routing.commissioned[3].name", "REQUIRED"),
                        tuple("policy.review.routing.commissioned[3].level", "REQUIRED"),
                        tuple("policy.review.routing.commissioned[4]", "REQUIRED"));
    }

    @Test
    void filesAtOnceOnlyCategoriesTheRegionDecidesAtOnce() {
        Review.InstantFiling filing = new Review.InstantFiling(Arrays.asList(CHRONIC, SPECIAL, SPECIAL, null), " ",
                null, 5, new Period(0, Period.Unit.MONTHS), null);

        assertThat(problems(withFiling(filing))).containsExactly(
                tuple("policy.review.instantFiling.categories[0]", "INCONSISTENT"),
                tuple("policy.review.instantFiling.categories[2]", "DUPLICATE"),
                tuple("policy.review.instantFiling.categories[3]", "REQUIRED"),
                tuple("policy.review.instantFiling.ruleVersion", "REQUIRED"),
                tuple("policy.review.instantFiling.completeMandatoryMaterials", "REQUIRED"),
                tuple("policy.review.instantFiling.minimumHospitalLevel", "OUT_OF_RANGE"),
                tuple("policy.review.instantFiling.diagnosisWithin.amount", "OUT_OF_RANGE"),
                tuple("policy.review.instantFiling.postCheck", "REQUIRED"));
        assertThat(problems(withFiling(new Review.InstantFiling(List.of(), "r1", true, null, null, false))))
                .containsExactly(tuple("policy.review.instantFiling.categories", "REQUIRED"));
        assertThat(problems(withFiling(new Review.InstantFiling(List.of(SPECIAL), "r1", false, null, null, false))))
                .as("no hospital level, any diagnosis date").isEmpty();
    }

    @Test
    void offersAChoiceOfAtLeastOneInstitutionChangeableAtLeastOnceAYear() {
        assertThat(problems(withDesignated(new Review.DesignatedInstitutions(List.of(), 0)))).containsExactly(
                tuple("policy.review.designatedInstitutions.institutions", "REQUIRED"),
                tuple("policy.review.designatedInstitutions.changesPerYear", "OUT_OF_RANGE"));
        assertThat(problems(withDesignated(new Review.DesignatedInstitutions(
                List.of(hospital("H65900600001", 3), hospital("H65900600001", 2)), null)))).containsExactly(
                        tuple("policy.review.designatedInstitutions.institutions[1].code", "DUPLICATE"),
                        tuple("policy.review.designatedInstitutions.changesPerYear", "REQUIRED"));
        assertThat(problems(withDesignated(null))).isEmpty();
    }
}
