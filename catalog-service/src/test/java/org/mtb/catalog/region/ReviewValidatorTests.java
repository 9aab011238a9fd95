package org.mtb.catalog.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.mtb.contracts.DiseaseCategory.CHRONIC;
import static org.mtb.contracts.DiseaseCategory.SPECIAL;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.mtb.contracts.catalog.Period;
import org.mtb.contracts.catalog.ReviewRules;

/** The coded reasons, checklists, extension, re-check reminder and sources of a version's review rules. */
class ReviewValidatorTests {

    private static final Review VALID = RegionFixtures.review();

    static List<Tuple> problems(@Nullable Review review, List<RegionDisease> diseases) {
        Policy policy = RegionFixtures.withReview(RegionFixtures.policy(), review);
        RegionFile file = RegionFixtures.file("2025.3", LocalDate.of(2025, 1, 1), diseases, policy);
        return RegionFileValidator.problems(file).stream().map(p -> tuple(p.field(), p.code())).toList();
    }

    static List<Tuple> problems(Review review) {
        return problems(review, RegionFixtures.diseases());
    }

    private static Review withItems(List<Review.Item> reasons, List<Review.Item> criteria) {
        Review r = VALID;
        return new Review(reasons, criteria, r.routing(), r.routingSource(), r.extension(), r.extensionSource(),
                r.instantFiling(), r.instantFilingSource(), r.recheckReminderBefore(), r.recheckReminderBeforeSource(),
                r.designatedInstitutions(), r.designatedInstitutionsSource());
    }

    private static Review withExtension(Review.@Nullable Extension extension) {
        Review r = VALID;
        return new Review(r.rejectionReasons(), r.criteria(), r.routing(), r.routingSource(), extension,
                r.extensionSource(), r.instantFiling(), r.instantFilingSource(), r.recheckReminderBefore(),
                r.recheckReminderBeforeSource(), r.designatedInstitutions(), r.designatedInstitutionsSource());
    }

    private static Review withReminder(@Nullable Period before) {
        Review r = VALID;
        return new Review(r.rejectionReasons(), r.criteria(), r.routing(), r.routingSource(), r.extension(),
                r.extensionSource(), r.instantFiling(), r.instantFilingSource(), before,
                r.recheckReminderBeforeSource(), r.designatedInstitutions(), r.designatedInstitutionsSource());
    }

    private static Review.Item item(@Nullable String code, @Nullable String text, @Nullable String source) {
        return new Review.Item(code, text, source);
    }

    @Test
    void acceptsTheFixturesReviewRulesAndAVersionWithoutAnyEvenWithADiseasesChecklist() {
        assertThat(RegionFixtures.diseases().get(0).criteria()).isNotEmpty();

        assertThat(problems(VALID)).isEmpty();
        assertThat(problems(null, RegionFixtures.diseases())).isEmpty();
    }

    @Test
    void wantsEveryReasonCodedOnceWellFormedWithATextAndASource() {
        List<Review.Item> reasons = Arrays.asList(
                item("DISEASE_NOT_LISTED", "申请病种不在病种范围内", "seed 003"),
                item("DISEASE_NOT_LISTED", "申请病种不在目录内", "seed 003"),
                item("not listed", "申请病种不在目录内", "seed 003"),
                item("X", "单字母代码", "seed 003"),
                item("1_NOT_LISTED", "数字开头", "seed 003"),
                item(null, " ", null),
                null);

        assertThat(problems(withItems(reasons, VALID.criteria()))).containsExactly(
                tuple("policy.review.rejectionReasons[1].code", "DUPLICATE"),
                tuple("policy.review.rejectionReasons[2].code", "INVALID_FORMAT"),
                tuple("policy.review.rejectionReasons[3].code", "INVALID_FORMAT"),
                tuple("policy.review.rejectionReasons[4].code", "INVALID_FORMAT"),
                tuple("policy.review.rejectionReasons[5].code", "REQUIRED"),
                tuple("policy.review.rejectionReasons[5].text", "REQUIRED"),
                tuple("policy.review.rejectionReasons[5].source", "REQUIRED"),
                tuple("policy.review.rejectionReasons[6]", "REQUIRED"));
    }

    @Test
    void wantsAtLeastOneReasonForARejectionToName() {
        assertThat(problems(withItems(List.of(), VALID.criteria())))
                .containsExactly(tuple("policy.review.rejectionReasons", "REQUIRED"));
    }

    @Test
    void checksTheRegionsChecklistLikeTheReasonsButTakesAnEmptyOne() {
        List<Review.Item> criteria = List.of(item("RECORDS_RECENT", "病历为近期资料", "seed 003"),
                item("RECORDS_RECENT", " ", " "));

        assertThat(problems(withItems(VALID.rejectionReasons(), criteria))).containsExactly(
                tuple("policy.review.criteria[1].code", "DUPLICATE"),
                tuple("policy.review.criteria[1].text", "REQUIRED"),
                tuple("policy.review.criteria[1].source", "REQUIRED"));
        assertThat(problems(withItems(VALID.rejectionReasons(), List.of()))).isEmpty();
    }

    @Test
    void wantsASourceForEveryRuleAlsoForOneLeftOut() {
        Review unsourced = new Review(VALID.rejectionReasons(), VALID.criteria(), null, null, null, " ", null, null,
                null, "", null, null);

        assertThat(problems(unsourced)).containsExactly(
                tuple("policy.review.routingSource", "REQUIRED"),
                tuple("policy.review.extensionSource", "REQUIRED"),
                tuple("policy.review.instantFilingSource", "REQUIRED"),
                tuple("policy.review.recheckReminderBeforeSource", "REQUIRED"),
                tuple("policy.review.designatedInstitutionsSource", "REQUIRED"));
    }

    @Test
    void wantsAnExtensionOfSomeTimeAtLeastOnce() {
        assertThat(problems(withExtension(new Review.Extension(new Period(0, null), 0)))).containsExactly(
                tuple("policy.review.extension.by.amount", "OUT_OF_RANGE"),
                tuple("policy.review.extension.by.unit", "REQUIRED"),
                tuple("policy.review.extension.atMost", "OUT_OF_RANGE"));
        assertThat(problems(withExtension(new Review.Extension(null, null)))).containsExactly(
                tuple("policy.review.extension.by", "REQUIRED"),
                tuple("policy.review.extension.atMost", "REQUIRED"));
        assertThat(problems(withExtension(null))).isEmpty();
    }

    @Test
    void remindsOnlyAheadOfAReCheckTheVersionHas() {
        Review reminding = withReminder(new Period(20, Period.Unit.WORKING_DAYS));
        List<RegionDisease> longTerm = List.of(RegionFixtures.disease("M01200", "血友病", SPECIAL));

        assertThat(problems(reminding)).as("haemophilia is re-checked every 2 years").isEmpty();
        assertThat(problems(reminding, longTerm))
                .containsExactly(tuple("policy.review.recheckReminderBefore", "INCONSISTENT"));
        assertThat(problems(withReminder(new Period(0, Period.Unit.WORKING_DAYS))))
                .containsExactly(tuple("policy.review.recheckReminderBefore.amount", "OUT_OF_RANGE"));
    }

    @Test
    void wantsADiseasesChecklistCodedApartFromTheRegionsAndSourced() {
        RegionDisease haemophilia = new RegionDisease("M01200", "血友病", SPECIAL, "national", "seed 003", null,
                List.of(), null, null, Arrays.asList(
                        new ReviewRules.Criterion("DISEASE_MATCHES_RECORDS", "病种与病历一致"),
                        new ReviewRules.Criterion("FACTOR_LEVEL_CONFIRMS", "凝血因子活性检测支持诊断"),
                        new ReviewRules.Criterion("FACTOR_LEVEL_CONFIRMS", " "),
                        new ReviewRules.Criterion("factor", "凝血因子"),
                        null),
                " ");

        assertThat(problems(VALID, List.of(haemophilia, RegionFixtures.disease("L659006-006", "高血压Ⅱ期及以上", CHRONIC))))
                .containsExactly(
                        tuple("diseases[0].criteria[0].code", "DUPLICATE"),
                        tuple("diseases[0].criteria[2].code", "DUPLICATE"),
                        tuple("diseases[0].criteria[2].text", "REQUIRED"),
                        tuple("diseases[0].criteria[3].code", "INVALID_FORMAT"),
                        tuple("diseases[0].criteria[4]", "REQUIRED"),
                        tuple("diseases[0].criteriaSource", "REQUIRED"));
    }
}
