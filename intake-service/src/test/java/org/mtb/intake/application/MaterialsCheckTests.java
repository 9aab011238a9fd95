package org.mtb.intake.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mtb.contracts.DiseaseCategory;
import org.mtb.contracts.catalog.CatalogDisease;
import org.mtb.contracts.catalog.MaterialRequirement;
import org.mtb.contracts.catalog.MaterialRequirement.Requirement;
import org.mtb.contracts.intake.SuppliedMaterial;
import org.mtb.intake.application.SubmitApplicationRequest.IssuerRequest;
import org.mtb.intake.application.SubmitApplicationRequest.MaterialItemRequest;
import org.mtb.intake.material.StoredMaterial;

class MaterialsCheckTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);
    private static final List<String> ALL = List.of("JPG", "PNG", "PDF");

    /** Rules shaped as Jiuquan's: an ID card, a fresh certificate from level 2, a PDF form, an agent's ID if an agent. */
    private static final List<MaterialRequirement> REGION = List.of(
            new MaterialRequirement("ID_CARD", "身份证正反面", Requirement.MANDATORY, null, null, null, ALL, 5),
            new MaterialRequirement("DIAGNOSIS_CERTIFICATE", "疾病诊断证明", Requirement.MANDATORY, null, 12, 2, ALL, 5),
            new MaterialRequirement("APPLICATION_FORM", "申请表", Requirement.MANDATORY, null, null, null,
                    List.of("PDF"), 1),
            new MaterialRequirement("AGENT_ID_CARD", "代办人身份证", Requirement.CONDITIONAL, "AGENT_APPLICATION", null,
                    null, ALL, 5));
    private static final CatalogDisease HYPERTENSION = new CatalogDisease("M03900", "高血压", DiseaseCategory.CHRONIC,
            List.of(new MaterialRequirement("BLOOD_PRESSURE_RECORD", "血压监测记录", Requirement.MANDATORY, null, null,
                    null, ALL, 5)), null);

    private final Map<String, MaterialRequirement> rules = MaterialRequirement.byType(REGION, HYPERTENSION);

    private static StoredMaterial upload(String id, String type, String format, long size) {
        return new StoredMaterial(id, "applicant-zhang", "620900", type, format, size, "00", Instant.EPOCH, null);
    }

    private static final Map<String, StoredMaterial> UPLOADS = Map.of(
            "id-front", upload("id-front", "ID_CARD", "JPG", 1000),
            "id-back", upload("id-back", "ID_CARD", "PNG", 1000),
            "cert", upload("cert", "DIAGNOSIS_CERTIFICATE", "PDF", 1000),
            "form", upload("form", "APPLICATION_FORM", "PDF", 1000),
            "form-photo", upload("form-photo", "APPLICATION_FORM", "JPG", 1000),
            "big-form", upload("big-form", "APPLICATION_FORM", "PDF", 2 * 1024 * 1024),
            "bp", upload("bp", "BLOOD_PRESSURE_RECORD", "JPG", 1000),
            "elsewhere", new StoredMaterial("elsewhere", "applicant-zhang", "520200", "ID_CARD", "JPG", 10, "00",
                    Instant.EPOCH, null));

    private static MaterialItemRequest item(String type, String... ids) {
        return new MaterialItemRequest(type, Arrays.asList(ids), null, null);
    }

    private static MaterialItemRequest certificate(LocalDate issuedOn, Integer level, String... ids) {
        return new MaterialItemRequest("DIAGNOSIS_CERTIFICATE", Arrays.asList(ids), issuedOn,
                new IssuerRequest("酒泉市人民医院", level));
    }

    private MaterialsCheck.Outcome check(List<MaterialItemRequest> items, Set<String> conditionsMet) {
        return MaterialsCheck.check(items, rules, MaterialsCheck.requiredAtSubmission(rules, conditionsMet),
                "MANDATORY", UPLOADS, "620900", TODAY);
    }

    @Test
    void acceptsEveryMandatoryItemWithSeveralFilesForOne() {
        var outcome = check(List.of(item("ID_CARD", "id-front", "id-back"), certificate(TODAY.minusMonths(3), 3, "cert"),
                item("APPLICATION_FORM", "form"), item("BLOOD_PRESSURE_RECORD", "bp")), Set.of());

        assertThat(outcome.passed()).isTrue();
        assertThat(outcome.items()).extracting(MaterialItem::type, MaterialItem::materialIds).containsExactly(
                tuple("ID_CARD", List.of("id-front", "id-back")), tuple("DIAGNOSIS_CERTIFICATE", List.of("cert")),
                tuple("APPLICATION_FORM", List.of("form")), tuple("BLOOD_PRESSURE_RECORD", List.of("bp")));
        assertThat(outcome.items().get(1).issuerLevel()).isEqualTo(3);
    }

    @Test
    void tellsEveryGapAtOnce() {
        var outcome = check(List.of(
                item("ID_CARD", "id-front", "cert", "elsewhere", "someone-elses"),
                certificate(TODAY.minusMonths(13), 1, "cert"),
                item("APPLICATION_FORM", "form-photo", "big-form"),
                item("X_RAY")), Set.of("AGENT_APPLICATION"));

        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.gaps()).extracting(MaterialGap::type, MaterialGap::rule, MaterialGap::problem)
                .containsExactlyInAnyOrder(
                        tuple("ID_CARD", "FILES", "WRONG_TYPE"),
                        tuple("ID_CARD", "FILES", "WRONG_REGION"),
                        tuple("ID_CARD", "FILES", "NOT_FOUND"),
                        tuple("DIAGNOSIS_CERTIFICATE", "FRESHNESS_12_MONTHS", "TOO_OLD"),
                        tuple("DIAGNOSIS_CERTIFICATE", "MIN_HOSPITAL_LEVEL_2", "ISSUER_LEVEL_TOO_LOW"),
                        tuple("APPLICATION_FORM", "FORMATS_PDF", "FORMAT_NOT_ALLOWED"),
                        tuple("APPLICATION_FORM", "MAX_SIZE_1_MB", "TOO_LARGE"),
                        tuple("X_RAY", "CATALOG", "UNKNOWN_TYPE"),
                        tuple("BLOOD_PRESSURE_RECORD", "MANDATORY", "MISSING"),
                        tuple("AGENT_ID_CARD", "CONDITIONAL_AGENT_APPLICATION", "MISSING"));
        assertThat(outcome.gaps()).filteredOn(gap -> gap.type().equals("BLOOD_PRESSURE_RECORD")).singleElement()
                .extracting(MaterialGap::name).isEqualTo("血压监测记录");
        assertThat(outcome.items()).isEmpty();
    }

    @Test
    void aFreshnessOrLevelRuleNeedsTheDateAndTheIssuer() {
        var outcome = check(List.of(new MaterialItemRequest("DIAGNOSIS_CERTIFICATE", List.of("cert"), null, null),
                item("ID_CARD"), item("ID_CARD", "id-front")), Set.of());

        assertThat(outcome.gaps()).extracting(MaterialGap::type, MaterialGap::problem).contains(
                tuple("DIAGNOSIS_CERTIFICATE", "ISSUE_DATE_REQUIRED"), tuple("DIAGNOSIS_CERTIFICATE", "ISSUER_REQUIRED"),
                tuple("ID_CARD", "NO_FILES"));
        assertThat(outcome.problems()).extracting(p -> p.field() + " " + p.code())
                .containsExactly("materials[2].type DUPLICATE_ITEM");
    }

    @Test
    void aDocumentIssuedTomorrowOrExactlyAtTheLimitIsToldApart() {
        var future = check(List.of(certificate(TODAY.plusDays(1), 2, "cert")), Set.of());
        var atLimit = check(List.of(certificate(TODAY.minusMonths(12), 2, "cert")), Set.of());

        assertThat(future.gaps()).extracting(MaterialGap::problem).contains("ISSUE_DATE_IN_FUTURE");
        assertThat(atLimit.gaps()).extracting(MaterialGap::type).doesNotContain("DIAGNOSIS_CERTIFICATE");
    }

    @Test
    void keepsTheDateAndLevelGivenForAnItemWhoseRuleNeedsNeitherAndSendsThemOnToReview() {
        var dated = new MaterialItemRequest("BLOOD_PRESSURE_RECORD", List.of("bp"), TODAY.minusYears(3),
                new IssuerRequest(null, 1));
        var outcome = check(List.of(item("ID_CARD", "id-front"), certificate(TODAY.minusMonths(3), 3, "cert"),
                item("APPLICATION_FORM", "form"), dated), Set.of());

        assertThat(outcome.passed()).isTrue();
        assertThat(outcome.items()).extracting(MaterialItem::supplied).containsExactly(
                new SuppliedMaterial("ID_CARD", List.of("id-front"), null, null),
                new SuppliedMaterial("DIAGNOSIS_CERTIFICATE", List.of("cert"), TODAY.minusMonths(3), 3),
                new SuppliedMaterial("APPLICATION_FORM", List.of("form"), null, null),
                new SuppliedMaterial("BLOOD_PRESSURE_RECORD", List.of("bp"), TODAY.minusYears(3), 1));
    }

    @Test
    void refusesADateStillToComeOrALevelOutsideOneToThreeOnAnyItem() {
        var outcome = check(List.of(new MaterialItemRequest("ID_CARD", List.of("id-front"), TODAY.plusDays(1), null),
                new MaterialItemRequest("BLOOD_PRESSURE_RECORD", List.of("bp"), TODAY, new IssuerRequest("卫生院", 4)),
                certificate(TODAY, 2, "cert"), item("APPLICATION_FORM", "form")), Set.of());

        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.gaps()).isEmpty();
        assertThat(outcome.problems()).extracting(p -> p.field() + " " + p.code()).containsExactlyInAnyOrder(
                "materials[0].issuedOn INVALID_VALUE", "materials[1].issuer.level INVALID_VALUE");
    }

    @Test
    void aSupplementTakesOnlyTheItemsAskedForAndListsThoseLeftOpen() {
        Map<String, MaterialRequirement> asked = Map.of("BLOOD_PRESSURE_RECORD", rules.get("BLOOD_PRESSURE_RECORD"),
                "ID_CARD", rules.get("ID_CARD"));
        var outcome = MaterialsCheck.check(List.of(item("ID_CARD", "id-front"), item("APPLICATION_FORM", "form")),
                asked, asked.keySet(), "SUPPLEMENT_REQUESTED", UPLOADS, "620900", TODAY);

        assertThat(outcome.gaps()).extracting(MaterialGap::type, MaterialGap::rule, MaterialGap::problem)
                .containsExactlyInAnyOrder(tuple("APPLICATION_FORM", "CATALOG", "UNKNOWN_TYPE"),
                        tuple("BLOOD_PRESSURE_RECORD", "SUPPLEMENT_REQUESTED", "MISSING"));
    }
}
