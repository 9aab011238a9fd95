package org.mtb.catalog.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mtb.contracts.DiseaseCategory.SPECIAL;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.mtb.contracts.catalog.CatalogDisease;
import org.mtb.contracts.catalog.Period;
import org.mtb.contracts.catalog.ReviewRules;
import org.mtb.contracts.catalog.ReviewRules.Reviewers;
import tools.jackson.databind.json.JsonMapper;

/** The review rules of the shipped region files (version 2025.3): what the seeds say, assumptions marked as such. */
class ShippedReviewRulesTests {

    private static final Map<String, RegionFile> REGIONS = RegionFiles
            .load("classpath:catalog/regions/*.json", JsonMapper.builder().build()).stream()
            .collect(Collectors.toMap(RegionFile::regionCode, Function.identity()));

    private static Review review(String regionCode) {
        return REGIONS.get(regionCode).policy().review();
    }

    private static ReviewRules published(String regionCode) {
        return REGIONS.get(regionCode).policy().toContract().review();
    }

    private static CatalogDisease publishedDisease(String regionCode, String code) {
        return REGIONS.get(regionCode).diseases().stream().filter(d -> d.code().equals(code)).findFirst()
                .orElseThrow().toContract();
    }

    private static List<String> codes(List<Review.Item> items) {
        return items.stream().map(Review.Item::code).toList();
    }

    @Test
    void everyRegionNamesCodedReasonsWithAGeneralOneForACaseShortOfTheCriteriaEachSourced() {
        assertThat(REGIONS.values()).allSatisfy(file -> {
            Review review = file.policy().review();
            assertThat(codes(review.rejectionReasons())).as(file.regionCode())
                    .contains("DISEASE_NOT_LISTED", "CRITERIA_NOT_MET", "HOSPITAL_LEVEL_TOO_LOW",
                            "STAMP_OR_SIGNATURE_MISSING", "MATERIALS_OUT_OF_DATE", "NOT_INSURED_IN_REGION");
            assertThat(review.rejectionReasons()).as(file.regionCode())
                    .allSatisfy(r -> assertThat(r.source()).containsAnyOf("shared/seeds/", "PROJECT ASSUMPTION"))
                    .filteredOn(r -> r.code().equals("CRITERIA_NOT_MET")).singleElement()
                    .satisfies(r -> assertThat(r.source()).startsWith("PROJECT ASSUMPTION"));
            assertThat(file.policy().toContract().reviewRules().rejectionReasons()).as(file.regionCode())
                    .hasSameSizeAs(review.rejectionReasons());
        });
        assertThat(codes(review("659006").rejectionReasons())).contains("MATERIALS_INCONSISTENT");
        assertThat(codes(review("620900").rejectionReasons())).doesNotContain("MATERIALS_INCONSISTENT");
        assertThat(published("620900").rejectionReasons())
                .contains(new ReviewRules.RejectionReason("NOT_INSURED_IN_REGION", "申请人未在酒泉市统筹区内连续参保并正常缴费"));
    }

    @Test
    void checksWhatEachRegionsSeedsSayInEveryCase() {
        assertThat(published("620900").criteria()).extracting(ReviewRules.Criterion::text).contains(
                "诊断证明、住院病历或门诊病历由二级及以上医院出具", "病历资料加盖医院公章或电子签章", "检查报告与申报病种直接相关",
                "在酒泉市统筹区内连续参保并正常缴费");
        assertThat(published("520200").criteria())
                .contains(new ReviewRules.Criterion("STABLE_LONG_TERM", "需长期在门诊接受治疗且病情稳定，适合门诊管理"));
        assertThat(published("659006").criteria()).extracting(ReviewRules.Criterion::text)
                .contains("申请表由二级以上医院医师签字、盖章", "申请病种与病历资料一致");
        assertThat(REGIONS.values()).flatMap(file -> file.policy().review().criteria())
                .allSatisfy(c -> assertThat(c.source()).contains("shared/seeds/"));
    }

    @Test
    void jiuquanChecksTheRecognitionPointsOfSeed000OnEachOfItsDiseases() {
        assertThat(publishedDisease("620900", "L620900-002").criteria()).containsExactly(
                new ReviewRules.Criterion("PATHOLOGY_CONFIRMS_DIAGNOSIS", "病理报告证实肺癌诊断"),
                new ReviewRules.Criterion("DISCHARGE_RECORD_STATES_DIAGNOSIS", "出院记录载明肺癌的诊断及诊疗经过"));
        assertThat(publishedDisease("620900", "L620900-006").criteria()).extracting(ReviewRules.Criterion::code)
                .containsExactly("RENAL_FUNCTION_SUPPORTS_DIAGNOSIS", "DIALYSIS_RECORD_CONTINUOUS");
        assertThat(publishedDisease("620900", "M01600").criteria()).extracting(ReviewRules.Criterion::code)
                .containsExactly("BLOOD_GLUCOSE_SUPPORTS_DIAGNOSIS");
        assertThat(publishedDisease("620900", "M04600").criteria()).extracting(ReviewRules.Criterion::code)
                .containsExactly("ECG_SUPPORTS_DIAGNOSIS");
        assertThat(REGIONS.get("620900").diseases()).allSatisfy(d -> {
            assertThat(d.criteria()).as(d.code()).isNotEmpty();
            assertThat(d.criteriaSource()).as(d.code()).contains("000_6552f1bc98225571", "认定要点");
        });
        assertThat(REGIONS.get("520200").diseases()).as("seed 002 states no checklist of a disease")
                .allSatisfy(d -> assertThat(d.criteria()).isEmpty());
        assertThat(REGIONS.get("659006").diseases()).allSatisfy(d -> assertThat(d.criteria()).isEmpty());
    }

    @Test
    void jiuquansBureauHasTwoExpertsDecideTheSpecialDiseasesAndRemindsAheadOfTheYearlyReCheck() {
        List<String> special = REGIONS.get("620900").diseases().stream().filter(d -> d.category() == SPECIAL)
                .map(RegionDisease::code).toList();

        assertThat(published("620900").routing()).isEqualTo(
                new ReviewRules.Routing(Reviewers.BUREAU, null, List.of(), 2, special));
        assertThat(special).hasSize(6);
        assertThat(review("620900").routingSource()).contains("组织专家进行医学鉴定", "委托医疗机构",
                "PROJECT ASSUMPTION for the panel");
        assertThat(published("620900").recheckReminderBefore()).isEqualTo(new Period(20, Period.Unit.WORKING_DAYS));
        assertThat(review("620900").recheckReminderBeforeSource()).startsWith("PROJECT ASSUMPTION")
                .contains("每年需进行资格复核");
    }

    @Test
    void liupanshuiHasTheLevelTwoInstitutionReviewAndLetsTheApplicantChooseOneInstitutionChangeableOnceAYear() {
        assertThat(published("520200").routing()).isEqualTo(
                new ReviewRules.Routing(Reviewers.DIAGNOSING_INSTITUTION, 2, List.of(), 1, List.of()));
        assertThat(review("520200").routingSource()).contains("由二级及以上医疗机构审核");

        ReviewRules.DesignatedInstitutions designated = published("520200").designatedInstitutions();
        assertThat(designated.changesPerYear()).isEqualTo(1);
        assertThat(designated.institutions()).hasSizeBetween(2, 3).allSatisfy(i -> {
            assertThat(i.code()).matches("H520200\\d{5}");
            assertThat(i.level()).isBetween(2, 3);
        });
        assertThat(review("520200").designatedInstitutionsSource()).contains("年度内可变更一次",
                "PROJECT ASSUMPTION for the institutions", "assigned by the project", "never a condition");
    }

    @Test
    void tiemenguanFilesSpecialDiseasesAtOnceUnderAVersionedRuleAndMayExtendAReviewOnce() {
        assertThat(published("659006").instantFiling()).isEqualTo(new ReviewRules.InstantFiling(List.of(SPECIAL),
                "659006-IF-2025.3", true, 2, new Period(6, Period.Unit.MONTHS), true));
        assertThat(review("659006").instantFilingSource()).contains("符合条件的可实时办结或即时备案",
                "PROJECT ASSUMPTION for diagnosisWithin", "PROJECT ASSUMPTION for postCheck");
        assertThat(published("659006").extension())
                .isEqualTo(new ReviewRules.Extension(new Period(10, Period.Unit.WORKING_DAYS), 1));
        assertThat(review("659006").extensionSource()).contains("遇特殊情况可延长", "PROJECT ASSUMPTION for the numbers");
        assertThat(published("659006").routing().reviewers()).isEqualTo(Reviewers.BUREAU);
    }

    @Test
    void leavesOutWhatNoSeedOfARegionAllowsAndSaysSo() {
        for (String region : List.of("620900", "520200")) {
            assertThat(published(region).extension()).as(region).isNull();
            assertThat(published(region).instantFiling()).as(region).isNull();
        }
        assertThat(review("620900").extensionSource()).startsWith("No seed of Jiuquan allows an extension");
        assertThat(review("520200").extensionSource()).contains("allows no extension", "0.5个工作日内完成审核");
        assertThat(review("520200").instantFilingSource()).contains("names no instant filing");
        assertThat(published("620900").designatedInstitutions()).isNull();
        assertThat(review("620900").designatedInstitutionsSource())
                .startsWith("No seed of Jiuquan has the applicant choose an institution");
        assertThat(published("659006").designatedInstitutions()).isNull();
        assertThat(review("659006").designatedInstitutionsSource()).contains("has the applicant choose no institution");
        assertThat(published("520200").recheckReminderBefore()).isNull();
        assertThat(review("520200").recheckReminderBeforeSource()).contains("大部分病种长期有效");
        assertThat(published("659006").recheckReminderBefore()).isNull();
    }
}
