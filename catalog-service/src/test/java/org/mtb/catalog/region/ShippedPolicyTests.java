package org.mtb.catalog.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.mtb.contracts.DiseaseCategory.CHRONIC;
import static org.mtb.contracts.DiseaseCategory.LOCAL_EXTENSION;
import static org.mtb.contracts.DiseaseCategory.SPECIAL;
import static org.mtb.contracts.InsuranceType.EMPLOYEE;
import static org.mtb.contracts.InsuranceType.FLEXIBLE;
import static org.mtb.contracts.InsuranceType.RESIDENT;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.mtb.contracts.DiseaseCategory;
import org.mtb.contracts.catalog.EffectiveDateRule;
import org.mtb.contracts.catalog.IdentityVerification;
import org.mtb.contracts.catalog.MaterialRequirement.Requirement;
import org.mtb.contracts.catalog.Period;
import org.mtb.contracts.catalog.ReviewTimeLimit.Kind;
import tools.jackson.databind.json.JsonMapper;

/** The policies the shipped region files state: what the seeds say, and assumptions marked as such. */
class ShippedPolicyTests {

    private static final Map<String, RegionFile> REGIONS = RegionFiles
            .load("classpath:catalog/regions/*.json", JsonMapper.builder().build()).stream()
            .collect(Collectors.toMap(RegionFile::regionCode, Function.identity()));

    private static Policy policy(String regionCode) {
        return REGIONS.get(regionCode).policy();
    }

    private static TimeLimit limit(String regionCode, DiseaseCategory category) {
        return policy(regionCode).reviewTimeLimits().stream().filter(l -> l.category() == category).findFirst()
                .orElseThrow();
    }

    /** The terms without their source, to compare with the seed's table. */
    private static List<ReimbursementRule> terms(String regionCode) {
        return policy(regionCode).reimbursements().stream()
                .map(r -> new ReimbursementRule(r.insuranceType(), r.category(), r.rateFrom(), r.rateTo(),
                        r.annualLimitFromYuan(), r.annualLimitToYuan(), r.annualLimitSeveralDiseasesYuan(),
                        r.limitSharedWithInpatient(), null))
                .toList();
    }

    private static RegionDisease disease(String regionCode, String code) {
        return REGIONS.get(regionCode).diseases().stream().filter(d -> d.code().equals(code)).findFirst()
                .orElseThrow();
    }

    @Test
    void everyShippedFileHasAValidPolicyThatMapsOntoTheContract() {
        assertThat(REGIONS.values()).allSatisfy(file -> {
            assertThat(RegionFileValidator.validate(file)).isEmpty();
            assertThat(file.policy().toContract().reviewTimeLimits()).hasSameSizeAs(file.policy().reviewTimeLimits());
        });
    }

    @Test
    void liupanshuiWantsAFaceCheckOrItsEquivalentsAndTheOthersAcceptARealNameAccount() {
        assertThat(policy("520200").identityVerifications()).containsExactly(IdentityVerification.FACE_CHECK,
                IdentityVerification.E_VOUCHER, IdentityVerification.COUNTER_ID_CARD);
        assertThat(policy("520200").identityVerificationsSource()).contains("人臉核驗").contains("project assumption");
        for (String region : List.of("620900", "659006")) {
            assertThat(policy(region).identityVerifications()).as(region)
                    .contains(IdentityVerification.REAL_NAME_ACCOUNT);
            assertThat(policy(region).toContract().identityVerifications()).as(region)
                    .isEqualTo(policy(region).identityVerifications());
        }
    }

    @Test
    void tiemenguanSettlesSpecialDiseasesAtOnceAndChronicWithinTwentyWorkingDays() {
        assertThat(limit("659006", SPECIAL).kind()).isEqualTo(Kind.IMMEDIATE);
        assertThat(limit("659006", SPECIAL).workingDays()).isNull();
        assertThat(limit("659006", CHRONIC).kind()).isEqualTo(Kind.WORKING_DAYS);
        assertThat(limit("659006", CHRONIC).workingDays()).isEqualTo(20.0);
        assertThat(policy("659006").effectiveDateRule()).isEqualTo(EffectiveDateRule.ON_APPROVAL);
        assertThat(policy("659006").publicNotice()).isNull();
    }

    @Test
    void liupanshuiDecidesEveryCategoryWithinHalfAWorkingDayAndRestartsTheClockAfterASupplement() {
        for (DiseaseCategory category : List.of(SPECIAL, CHRONIC, LOCAL_EXTENSION)) {
            assertThat(limit("520200", category).kind()).isEqualTo(Kind.WORKING_DAYS);
            assertThat(limit("520200", category).workingDays()).isEqualTo(0.5);
        }
        assertThat(policy("520200").supplementRestartsClock()).isTrue();
        assertThat(policy("520200").supplementRestartsClockSource()).contains("补正后重新计算审核时限");
        assertThat(policy("520200").effectiveDateRule()).isEqualTo(EffectiveDateRule.DAY_OF_APPROVAL);
        assertThat(policy("520200").recheckEvery()).isNull();
    }

    @Test
    void jiuquanStartsBenefitsAfterThePublicNoticeAndRecordsSeed001sDayAfterApproval() {
        Policy jiuquan = policy("620900");

        assertThat(limit("620900", SPECIAL).workingDays()).isEqualTo(20.0);
        assertThat(limit("620900", CHRONIC).workingDays()).isEqualTo(20.0);
        assertThat(jiuquan.effectiveDateRule()).isEqualTo(EffectiveDateRule.AFTER_PUBLIC_NOTICE);
        assertThat(jiuquan.effectiveDateRuleSource()).contains("公示无异议后", "次日生效", "DISCREPANCY");
        assertThat(jiuquan.publicNotice()).isEqualTo(new Period(5, Period.Unit.WORKING_DAYS));
        assertThat(jiuquan.publicNoticeSource()).contains("PROJECT ASSUMPTION");
        assertThat(jiuquan.recheckEvery()).isEqualTo(new Period(1, Period.Unit.YEARS));
    }

    @Test
    void tiemenguanPaysByInsuranceTypeAndCategoryAsTheSeedsTableSays() {
        assertThat(terms("659006")).containsExactlyInAnyOrder(
                new ReimbursementRule(RESIDENT, SPECIAL, 0.85, 0.85, null, null, null, true, null),
                new ReimbursementRule(EMPLOYEE, SPECIAL, 0.95, 0.95, null, null, null, true, null),
                new ReimbursementRule(RESIDENT, CHRONIC, 0.75, 0.75, 1000, 1000, 2000, false, null),
                new ReimbursementRule(EMPLOYEE, CHRONIC, 0.85, 0.85, 1000, 1000, 2000, false, null));
    }

    @Test
    void jiuquanPaysFlexibleEmploymentAsEmployeesAndResidentsLess() {
        assertThat(terms("620900")).containsExactlyInAnyOrder(
                new ReimbursementRule(EMPLOYEE, null, 0.7, 0.9, 5000, 20000, null, false, null),
                new ReimbursementRule(FLEXIBLE, null, 0.7, 0.9, 5000, 20000, null, false, null),
                new ReimbursementRule(RESIDENT, null, 0.5, 0.7, 3000, 15000, null, false, null));
    }

    @Test
    void liupanshuiListsNoReimbursementAndSaysWhy() {
        assertThat(policy("520200").reimbursements()).isEmpty();
        assertThat(policy("520200").reimbursementsSource()).contains("states no reimbursement");
    }

    @Test
    void shipsVersion2025_3OfEveryRegionEffectiveFromTheSameDayAsTheVersionsItCompletes() {
        assertThat(REGIONS.values()).allSatisfy(file -> {
            assertThat(file.version()).as(file.regionCode()).isEqualTo("2025.3");
            assertThat(file.effectiveFrom()).as(file.regionCode()).isEqualTo(LocalDate.of(2025, 1, 1));
            assertThat(file.source()).as(file.regionCode()).contains("Version 2025.2 adds the time to supplement",
                    "Version 2025.3 adds the review rules", "stored beside 2025.1 and 2025.2");
            assertThat(file.policy().review()).as(file.regionCode()).isNotNull();
        });
    }

    @Test
    void waivesOnlyTheMaterialsTheEVoucherItselfProvesWhereTheSeedsListItAmongThem() {
        assertThat(policy("659006").materialsWaivedByEVoucher()).containsExactly("IDENTITY_DOCUMENT");
        assertThat(policy("659006").materialsWaivedByEVoucherSource()).contains("003_8d3ba5813a63c458", "医保电子凭证或");
        assertThat(policy("620900").materialsWaivedByEVoucher()).containsExactly("SOCIAL_SECURITY_CARD_OR_E_VOUCHER");
        assertThat(policy("620900").materialsWaivedByEVoucherSource()).contains("社保卡或医保电子凭证");
        assertThat(policy("620900").toContract().materialsWaivedByEVoucher())
                .containsExactly("SOCIAL_SECURITY_CARD_OR_E_VOUCHER");
        assertThat(policy("520200").materialsWaivedByEVoucher()).as("seed 002 lists no e-voucher material").isNull();
    }

    @Test
    void givesTheApplicantThirtyCalendarDaysToSupplementInEveryRegionAsAProjectAssumption() {
        assertThat(REGIONS.values()).allSatisfy(file -> {
            Policy policy = file.policy();
            assertThat(policy.supplementWithin()).as(file.regionCode())
                    .isEqualTo(new Period(30, Period.Unit.CALENDAR_DAYS));
            assertThat(policy.toContract().supplementWithin()).as(file.regionCode())
                    .isEqualTo(new Period(30, Period.Unit.CALENDAR_DAYS));
            assertThat(policy.supplementWithinSource()).as(file.regionCode()).startsWith("PROJECT ASSUMPTION:")
                    .contains("no time to supplement", "a month to obtain a new certificate",
                            "closes as not supplemented", "a new application may be made");
        });
        assertThat(policy("620900").supplementWithinSource()).contains("001_31a272018c6522ae", "000_6552f1bc98225571");
        assertThat(policy("520200").supplementWithinSource()).contains("002_e4ef294f7a8de83a", "补正后重新计算审核时限");
        assertThat(policy("659006").supplementWithinSource()).contains("003_8d3ba5813a63c458", "按提示补充材料");
    }

    @Test
    void tiemenguanTakesPngBesideThePdfAndJpgTheSeedRecommends() {
        assertThat(policy("659006").materials()).hasSize(5).allSatisfy(m -> {
            assertThat(m.formats()).as(m.type()).containsExactly("JPG", "PNG", "PDF");
            assertThat(m.source()).as(m.type()).contains("建议使用PDF或JPG格式", "forbids no other format");
        });
    }

    @Test
    void jiuquanTakesJpgPngAndPdfForEveryMaterialAsSeed001SaysOfAllMaterials() {
        List<Material> materials = policy("620900").materials();

        assertThat(materials).hasSize(7).allSatisfy(m -> {
            assertThat(m.formats()).as(m.type()).containsExactly("JPG", "PNG", "PDF");
            assertThat(m.source()).as(m.type()).contains("格式支持JPG、PNG、PDF等");
        });
        assertThat(REGIONS.get("620900").diseases()).flatMap(RegionDisease::additionalMaterials)
                .allSatisfy(m -> assertThat(m.formats()).as(m.type()).containsExactly("JPG", "PNG", "PDF"));
        assertThat(materials).filteredOn(m -> m.type().equals("APPLICATION_FORM")).singleElement()
                .satisfies(m -> assertThat(m.source()).contains("PDF/在线签名", "部分平台支持在线生成并签名",
                        "photographed or scanned paper form"));
        assertThat(materials).filteredOn(m -> m.type().equals("ID_CARD")).singleElement()
                .satisfies(m -> assertThat(m.source()).contains("JPG/PDF", "支持jpg、pdf格式", "forbid none"));
    }

    @Test
    void jiuquanTakesFilesOfAtMostFiveMbAndWantsRecentRecordsFromALevelTwoHospital() {
        List<Material> materials = policy("620900").materials();

        assertThat(materials).allSatisfy(m -> assertThat(m.maxSizeMb()).isEqualTo(5));
        assertThat(materials).filteredOn(m -> m.type().equals("DIAGNOSIS_CERTIFICATE")).singleElement()
                .satisfies(m -> {
                    assertThat(m.minHospitalLevel()).isEqualTo(2);
                    assertThat(m.freshnessMonths()).isEqualTo(12);
                });
    }

    @Test
    void jiuquanWantsAPathologyReportForTumoursAndDialysisRecordsForUraemia() {
        for (String tumour : List.of("L620900-001", "L620900-002", "L620900-003", "L620900-004")) {
            assertThat(disease("620900", tumour).additionalMaterials()).extracting(Material::type)
                    .containsExactly("PATHOLOGY_REPORT", "DISCHARGE_RECORD");
        }
        assertThat(disease("620900", "L620900-006").additionalMaterials()).extracting(Material::type)
                .containsExactly("RENAL_FUNCTION_TEST", "DIALYSIS_RECORD");
        assertThat(disease("620900", "M03900").additionalMaterials()).extracting(Material::type)
                .containsExactly("BLOOD_PRESSURE_RECORD");
    }

    @Test
    void liupanshuiWantsTheAgentsIdAndProofOfRelationshipOnlyWhenAnAgentApplies() {
        assertThat(policy("520200").materials()).filteredOn(m -> m.requirement() == Requirement.CONDITIONAL)
                .extracting(Material::type, Material::condition).containsExactly(
                        tuple("AGENT_ID_CARD", "AGENT_APPLICATION"),
                        tuple("RELATIONSHIP_PROOF", "AGENT_APPLICATION"));
    }

    @Test
    void liupanshuiNotesTheReviewOfTumoursAfterSurgeryWithoutInventingItsPeriod() {
        RegionDisease tumour = disease("520200", "L520200-004");

        assertThat(tumour.recheckEvery()).isNull();
        assertThat(tumour.recheckEverySource()).contains("恶性肿瘤术后");
    }

    @Test
    void marksEveryValueTheSeedsDoNotStateAsAProjectAssumption() {
        assertThat(policy("659006").supplementRestartsClockSource()).startsWith("PROJECT ASSUMPTION");
        assertThat(policy("659006").recheckEverySource()).startsWith("PROJECT ASSUMPTION");
        assertThat(policy("620900").supplementRestartsClockSource()).startsWith("PROJECT ASSUMPTION");
        assertThat(policy("659006").materials()).allSatisfy(m -> assertThat(m.source()).contains("PROJECT ASSUMPTION"));
        assertThat(policy("520200").materials()).allSatisfy(m -> assertThat(m.source()).contains("PROJECT ASSUMPTION"));
        assertThat(REGIONS.values()).allSatisfy(file -> assertThat(file.policy().supplementWithinSource())
                .startsWith("PROJECT ASSUMPTION"));
    }
}
