package org.mtb.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.List;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mtb.contracts.calendar.CalendarDay;
import org.mtb.contracts.calendar.CalendarPublished;
import org.mtb.contracts.catalog.CatalogDisease;
import org.mtb.contracts.catalog.CatalogPublished;
import org.mtb.contracts.catalog.EffectiveDateRule;
import org.mtb.contracts.catalog.MaterialRequirement;
import org.mtb.contracts.catalog.Period;
import org.mtb.contracts.catalog.RegionPolicy;
import org.mtb.contracts.review.SlaBreached;
import org.mtb.contracts.review.SlaWarning;
import org.mtb.contracts.intake.Applicant;
import org.mtb.contracts.intake.ApplicationSubmitted;
import org.mtb.contracts.review.ApplicationDecided;
import org.mtb.contracts.review.DecisionOutcome;
import org.mtb.contracts.review.ReviewStarted;
import org.mtb.contracts.review.SupplementItem;
import org.mtb.contracts.review.SupplementLapsed;
import org.mtb.contracts.review.SupplementRequested;
import org.mtb.contracts.intake.ApplicationSupplemented;
import org.mtb.contracts.intake.ApplicationWithdrawn;
import org.mtb.contracts.intake.SuppliedMaterial;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class GoldenFixturesTests {

    private final JsonMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    @Test
    void deserializesApplicationSubmittedV1Fixture() throws IOException {
        ApplicationSubmitted event = read("application-submitted.v1.json", ApplicationSubmitted.class);

        assertThat(event.eventId()).isEqualTo(UUID.fromString("5f0c6a56-0f6e-4a0e-9a53-6f6f1d2b9c11"));
        assertThat(event.schemaVersion()).isEqualTo(1);
        assertThat(event.applicationNumber()).isEqualTo("620900-20261123-000001");
        assertThat(event.diseaseCategory()).isEqualTo(DiseaseCategory.CHRONIC);
        assertThat(event.applicant().insuranceType()).isEqualTo(InsuranceType.EMPLOYEE);
        assertThat(event.applicant().idNumber()).isEqualTo("11010519491231002X");
        assertThat(event.hospital().level()).isEqualTo(3);
        assertThat(event.channel()).isEqualTo(Channel.APP);
        assertThat(event.submittedAt()).isEqualTo(Instant.parse("2026-11-23T02:15:30Z"));
        assertThat(event.submittedBy()).as("written before submissions needed a token").isNull();
        assertThat(event.applicant().maskedForms()).as("made from the clear values of schema 1")
                .isEqualTo(new Applicant.Masked("1101**********002X", "张*", "138****8000"));
    }

    @Test
    void deserializesApplicationSubmittedV2WithItsPersonalDataSealed() throws Exception {
        ApplicationSubmitted event = read("application-submitted.v2.json", ApplicationSubmitted.class);

        assertThat(event.schemaVersion()).isEqualTo(ApplicationSubmitted.SCHEMA_VERSION).isEqualTo(2);
        String number = event.applicationNumber();
        assertThat(SealedFixtureValues.open(event.applicant().idNumber(), SealedField.ID_NUMBER.context(number)))
                .isEqualTo("11010519491231002X");
        assertThat(SealedFixtureValues.open(event.applicant().name(), SealedField.NAME.context(number)))
                .isEqualTo("张三");
        assertThat(SealedFixtureValues.open(event.applicant().phone(), SealedField.PHONE.context(number)))
                .isEqualTo("13800138000");
        assertThat(SealedFixtureValues.open(event.conditionSummary(), SealedField.CONDITION_SUMMARY.context(number)))
                .isEqualTo("确诊高血压5年，长期服药");
        assertThat(event.applicant().idNumberIndex())
                .isEqualTo(SealedFixtureValues.index("idNumber", "11010519491231002X"));
        assertThat(event.applicant().maskedForms())
                .isEqualTo(new Applicant.Masked("1101**********002X", "张*", "138****8000"));
        assertThat(json.readValue(json.writeValueAsString(event), ApplicationSubmitted.class)).isEqualTo(event);
    }

    @Test
    void aSealedValueDoesNotOpenInAnotherFieldOrApplication() throws Exception {
        ApplicationSubmitted event = read("application-submitted.v2.json", ApplicationSubmitted.class);
        String phone = event.applicant().phone();

        assertThatThrownBy(() -> SealedFixtureValues.open(phone, SealedField.NAME.context(event.applicationNumber())))
                .isInstanceOf(GeneralSecurityException.class);
        assertThatThrownBy(() -> SealedFixtureValues.open(phone, SealedField.PHONE.context("620900-20261123-000002")))
                .isInstanceOf(GeneralSecurityException.class);
    }

    @Test
    void theSchema2FixturesHoldNoPersonalValueInClear() throws IOException {
        for (String name : List.of("application-submitted.v2.json", "application-decided.v2.json",
                "supplement-requested.v1.json", "supplement-lapsed.v1.json", "application-withdrawn.v1.json")) {
            try (InputStream in = fixture(name)) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                assertThat(text).as(name).doesNotContain("11010519491231002X", "张三", "13800138000", "确诊高血压");
            }
        }
    }

    @Test
    void deserializesApplicationSubmittedWithItsSubmitter() throws IOException {
        ApplicationSubmitted event = read("application-submitted.v1-submitted-by.json", ApplicationSubmitted.class);

        assertThat(event.schemaVersion()).isEqualTo(1);
        assertThat(event.submittedBy()).isEqualTo(
                new org.mtb.contracts.intake.Submitter("gs-jiuquan-platform", "gs-jiuquan-platform", "CHANNEL"));
        assertThat(json.readValue(json.writeValueAsString(event), ApplicationSubmitted.class)).isEqualTo(event);
    }

    @Test
    void deserializesReviewStartedV1Fixture() throws IOException {
        ReviewStarted event = read("review-started.v1.json", ReviewStarted.class);

        assertThat(event.applicationNumber()).isEqualTo("620900-20261123-000001");
        assertThat(event.openedAt()).isEqualTo(Instant.parse("2026-11-23T02:15:31Z"));
    }

    @Test
    void deserializesApplicationDecidedV1Fixture() throws IOException {
        ApplicationDecided event = read("application-decided.v1.json", ApplicationDecided.class);

        assertThat(event.outcome()).isEqualTo(DecisionOutcome.APPROVED);
        assertThat(event.reasons()).containsExactly("诊断明确，材料齐全");
        assertThat(event.recipient().phone()).isEqualTo("13800138000");
        assertThat(event.recipient().shownName()).isEqualTo("张*");
        assertThat(event.reviewerId()).isEqualTo("expert-007");
    }

    @Test
    void deserializesApplicationDecidedV2WithThePhoneSealedAndTheNameMasked() throws Exception {
        ApplicationDecided event = read("application-decided.v2.json", ApplicationDecided.class);

        assertThat(event.schemaVersion()).isEqualTo(ApplicationDecided.SCHEMA_VERSION).isEqualTo(2);
        assertThat(event.recipient().name()).as("not sent from schema 2").isNull();
        assertThat(event.recipient().shownName()).isEqualTo("张*");
        assertThat(event.recipient().maskedPhone()).isEqualTo("138****8000");
        assertThat(SealedFixtureValues.open(event.recipient().phone(),
                SealedField.PHONE.context(event.applicationNumber()))).isEqualTo("13800138000");
    }

    @Test
    void deserializesSupplementRequestedV1WithEveryItemAndTheSealedPhone() throws Exception {
        SupplementRequested event = read("supplement-requested.v1.json", SupplementRequested.class);

        assertThat(event.schemaVersion()).isEqualTo(SupplementRequested.SCHEMA_VERSION).isEqualTo(1);
        assertThat(event.round()).isEqualTo(1);
        assertThat(event.items()).extracting(SupplementItem::type)
                .containsExactly("DIAGNOSIS_CERTIFICATE", "BLOOD_PRESSURE_RECORD");
        assertThat(event.items().getFirst().reason()).isEqualTo("缺少医院公章");
        assertThat(event.supplementDueAt()).isEqualTo(Instant.parse("2026-12-24T03:00:00Z"));
        assertThat(SealedFixtureValues.open(event.recipient().phone(),
                SealedField.PHONE.context(event.applicationNumber()))).isEqualTo("13800138000");
        assertThat(json.readValue(json.writeValueAsString(event), SupplementRequested.class)).isEqualTo(event);
    }

    @Test
    void deserializesSupplementLapsedV1() throws IOException {
        SupplementLapsed event = read("supplement-lapsed.v1.json", SupplementLapsed.class);

        assertThat(event.schemaVersion()).isEqualTo(SupplementLapsed.SCHEMA_VERSION).isEqualTo(1);
        assertThat(event.closedAt()).isAfter(event.supplementDueAt());
        assertThat(event.recipient().shownName()).isEqualTo("张*");
        assertThat(json.readValue(json.writeValueAsString(event), SupplementLapsed.class)).isEqualTo(event);
    }

    @Test
    void deserializesApplicationSupplementedV1WithSeveralFilesForOneItem() throws IOException {
        ApplicationSupplemented event = read("application-supplemented.v1.json", ApplicationSupplemented.class);

        assertThat(event.schemaVersion()).isEqualTo(ApplicationSupplemented.SCHEMA_VERSION).isEqualTo(1);
        assertThat(event.materials()).extracting(SuppliedMaterial::type)
                .containsExactly("DIAGNOSIS_CERTIFICATE", "BLOOD_PRESSURE_RECORD");
        assertThat(event.materials().get(1).materialIds()).hasSize(2);
        assertThat(event.supplementedBy().role()).isEqualTo("APPLICANT");
        assertThat(json.readValue(json.writeValueAsString(event), ApplicationSupplemented.class)).isEqualTo(event);
    }

    @Test
    void deserializesApplicationWithdrawnV1() throws Exception {
        ApplicationWithdrawn event = read("application-withdrawn.v1.json", ApplicationWithdrawn.class);

        assertThat(event.schemaVersion()).isEqualTo(ApplicationWithdrawn.SCHEMA_VERSION).isEqualTo(1);
        assertThat(event.reason()).isEqualTo("已在线下窗口办理");
        assertThat(SealedFixtureValues.open(event.recipient().phone(),
                SealedField.PHONE.context(event.applicationNumber()))).isEqualTo("13800138000");
        assertThat(json.readValue(json.writeValueAsString(event), ApplicationWithdrawn.class)).isEqualTo(event);
    }

    @Test
    void anApplicationSubmittedWrittenBeforeMaterialsHoldsNone() throws IOException {
        assertThat(read("application-submitted.v2.json", ApplicationSubmitted.class).materials()).isNull();
    }

    @Test
    void deserializesCatalogPublishedV1Fixture() throws IOException {
        CatalogPublished event = read("catalog-published.v1.json", CatalogPublished.class);

        assertThat(event.regionCode()).isEqualTo("659006");
        assertThat(event.acceptedInsuranceTypes()).containsExactly(InsuranceType.EMPLOYEE, InsuranceType.RESIDENT);
        assertThat(event.diseases()).extracting(d -> d.code()).containsExactly("M01200", "M03900");
        assertThat(event.diseases().getFirst().category()).isEqualTo(DiseaseCategory.SPECIAL);
    }

    @Test
    void readsASchemaOneCatalogWithoutPolicy() throws IOException {
        CatalogPublished event = read("catalog-published.v1.json", CatalogPublished.class);

        assertThat(event.policy()).isNull();
        assertThat(event.effectiveFrom()).isNull();
        assertThat(event.diseases().getFirst().additionalMaterials()).isEmpty();
    }

    @Test
    void deserializesCatalogPublishedV2FixtureWithPolicy() throws IOException {
        CatalogPublished event = read("catalog-published.v2.json", CatalogPublished.class);

        assertThat(event.schemaVersion()).isEqualTo(CatalogPublished.SCHEMA_VERSION);
        assertThat(event.effectiveFrom()).isEqualTo(LocalDate.of(2025, 1, 1));
        RegionPolicy policy = event.policy();
        assertThat(policy.timeLimit(DiseaseCategory.SPECIAL).workingDays()).isEqualByComparingTo("0.5");
        assertThat(policy.timeLimit(DiseaseCategory.LOCAL_EXTENSION)).isNull();
        assertThat(policy.supplementRestartsClock()).isTrue();
        assertThat(policy.effectiveDateRule()).isEqualTo(EffectiveDateRule.DAY_OF_APPROVAL);
        assertThat(policy.materials().getFirst().requirement()).isEqualTo(MaterialRequirement.Requirement.CONDITIONAL);
        assertThat(policy.reimbursements().getFirst().rateTo()).isEqualByComparingTo("0.9");
        CatalogDisease tumour = event.diseases().getFirst();
        assertThat(tumour.additionalMaterials()).extracting(MaterialRequirement::type).containsExactly("PATHOLOGY_REPORT");
        assertThat(tumour.recheckEvery()).isEqualTo(new Period(2, Period.Unit.YEARS));
    }

    @Test
    void deserializesCalendarPublishedV1Fixture() throws IOException {
        CalendarPublished event = read("calendar-published.v1.json", CalendarPublished.class);

        assertThat(event.revision()).isEqualTo(3);
        assertThat(event.years()).containsExactly(2025, 2026);
        assertThat(event.days()).extracting(CalendarDay::kind).containsExactly(CalendarDay.Kind.OFF, CalendarDay.Kind.WORKED);
        assertThat(event.workingHours().get(1).periods().get(1).start()).isEqualTo(LocalTime.of(15, 30));
    }

    @Test
    void deserializesSlaEventFixtures() throws IOException {
        SlaWarning warning = read("sla-warning.v1.json", SlaWarning.class);
        SlaBreached breach = read("sla-breached.v1.json", SlaBreached.class);

        assertThat(warning.workingTimeLeft()).isEqualTo(Duration.ofHours(35));
        assertThat(warning.diseaseCategory()).isEqualTo(DiseaseCategory.CHRONIC);
        assertThat(breach.provisional()).isTrue();
        assertThat(breach.dueAt()).isEqualTo(Instant.parse("2026-12-21T09:30:00Z"));
    }

    @Test
    void roundTripsTheCatalogPolicyWithoutLosingAField() throws IOException {
        CatalogPublished original = read("catalog-published.v2.json", CatalogPublished.class);

        assertThat(json.readValue(json.writeValueAsString(original), CatalogPublished.class)).isEqualTo(original);
    }

    @Test
    void ignoresFieldsAddedByALaterSchemaVersion() throws IOException {
        ObjectNode evolved = (ObjectNode) json.readTree(fixture("application-decided.v1.json"));
        evolved.put("schemaVersion", 2);
        evolved.put("appealDeadline", "2026-12-25");

        ApplicationDecided event = json.treeToValue(evolved, ApplicationDecided.class);

        assertThat(event.schemaVersion()).isEqualTo(2);
        assertThat(event.outcome()).isEqualTo(DecisionOutcome.APPROVED);
    }

    @Test
    void roundTripsWithoutLosingAField() throws IOException {
        ApplicationSubmitted original = read("application-submitted.v1.json", ApplicationSubmitted.class);

        ApplicationSubmitted copy = json.readValue(json.writeValueAsString(original), ApplicationSubmitted.class);

        assertThat(copy).isEqualTo(original);
    }

    private <T> T read(String name, Class<T> type) throws IOException {
        try (InputStream in = fixture(name)) {
            return json.readValue(in, type);
        }
    }

    private InputStream fixture(String name) {
        InputStream in = getClass().getResourceAsStream("/events/" + name);
        assertThat(in).as("fixture %s", name).isNotNull();
        return in;
    }
}
