package org.mtb.catalog.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mtb.contracts.DiseaseCategory.CHRONIC;
import static org.mtb.contracts.DiseaseCategory.SPECIAL;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mtb.contracts.Topics;
import org.mtb.contracts.catalog.CatalogDisease;
import org.mtb.contracts.catalog.CatalogPublished;
import org.mtb.contracts.catalog.EffectiveDateRule;
import org.mtb.contracts.catalog.MaterialRequirement;
import org.mtb.contracts.catalog.Period;
import org.mtb.contracts.catalog.RegionPolicy;
import org.mtb.contracts.catalog.ReviewRules;
import org.mtb.contracts.catalog.ReviewTimeLimit;
import org.mtb.support.outbox.OutboxEntry;
import tools.jackson.databind.json.JsonMapper;

/** The catalog event carries the whole version in force: schema 2 with effective date, policy and materials. */
class CatalogAnnouncerTests {

    private static final Instant NOW = Instant.parse("2026-11-23T02:00:00Z");

    private final Regions regions = mock(Regions.class);
    private final JsonMapper json = JsonMapper.builder().build();
    private final CatalogAnnouncer announcer = new CatalogAnnouncer(regions, json, Clock.fixed(NOW, ZoneOffset.UTC),
            new CatalogProperties("classpath:catalog/regions/*.json", ZoneId.of("Asia/Shanghai"),
                    Duration.ofMinutes(10)));

    @Test
    void announcesTheVersionInForceWithItsEffectiveDatePolicyAndTheMaterialsOfEachDisease() {
        RegionVersion version = RegionFixtures.stored(RegionFixtures.file());
        given(regions.all()).willReturn(List.of(version));
        given(regions.announce(eq(version.id()), any(), eq(NOW))).willReturn(true);

        announcer.announceVersionsInForce();

        ArgumentCaptor<OutboxEntry> entry = ArgumentCaptor.forClass(OutboxEntry.class);
        then(regions).should().announce(eq(version.id()), entry.capture(), eq(NOW));
        assertThat(entry.getValue().topic()).isEqualTo(Topics.CATALOG_PUBLISHED);
        assertThat(entry.getValue().key()).isEqualTo("659006");
        CatalogPublished event = json.readValue(entry.getValue().payload(), CatalogPublished.class);
        assertThat(event.schemaVersion()).isEqualTo(2);
        assertThat(event.effectiveFrom()).isEqualTo(LocalDate.of(2025, 1, 1));

        RegionPolicy policy = event.policy();
        assertThat(policy.timeLimit(SPECIAL))
                .isEqualTo(new ReviewTimeLimit(SPECIAL, ReviewTimeLimit.Kind.IMMEDIATE, null));
        assertThat(policy.timeLimit(CHRONIC).workingDays()).isEqualByComparingTo("20");
        assertThat(policy.supplementRestartsClock()).isTrue();
        assertThat(policy.supplementWithin()).isEqualTo(new Period(30, Period.Unit.CALENDAR_DAYS));
        assertThat(policy.effectiveDateRule()).isEqualTo(EffectiveDateRule.ON_APPROVAL);
        assertThat(policy.materials()).extracting(MaterialRequirement::type).containsExactly("IDENTITY_DOCUMENT");
        assertThat(policy.reimbursements()).hasSize(2);
        assertThat(policy.reimbursements().get(0).rateFrom()).isEqualByComparingTo("0.85");
        assertThat(policy.reimbursements().get(0).limitSharedWithInpatient()).isTrue();
        assertThat(policy.reimbursements().get(1).annualLimitSeveralDiseasesYuan()).isEqualTo(2000);

        CatalogDisease haemophilia = event.diseases().get(0);
        assertThat(haemophilia.additionalMaterials()).extracting(MaterialRequirement::type)
                .containsExactly("COAGULATION_FACTOR_TEST");
        assertThat(haemophilia.recheckEvery()).isEqualTo(new Period(2, Period.Unit.YEARS));
        assertThat(event.diseases().get(1).additionalMaterials()).isEmpty();
        assertThat(event.diseases().get(1).recheckEvery()).isNull();
    }

    @Test
    void announcesTheReviewRulesOfThePolicyAndTheChecklistOfEachDisease() {
        RegionVersion version = RegionFixtures.stored(RegionFixtures.file());
        given(regions.all()).willReturn(List.of(version));
        given(regions.announce(eq(version.id()), any(), eq(NOW))).willReturn(true);

        announcer.announceVersionsInForce();

        ArgumentCaptor<OutboxEntry> entry = ArgumentCaptor.forClass(OutboxEntry.class);
        then(regions).should().announce(eq(version.id()), entry.capture(), eq(NOW));
        CatalogPublished event = json.readValue(entry.getValue().payload(), CatalogPublished.class);
        ReviewRules review = event.policy().review();
        assertThat(review.rejectionReasons()).containsExactly(
                new ReviewRules.RejectionReason("DISEASE_NOT_LISTED", "申请病种不在本统筹区门诊慢特病病种范围内"),
                new ReviewRules.RejectionReason("CRITERIA_NOT_MET", "病情未达到申请病种的认定标准"));
        assertThat(review.criteria()).containsExactly(
                new ReviewRules.Criterion("DISEASE_MATCHES_RECORDS", "申请病种与病历资料一致"));
        assertThat(review.routing()).isEqualTo(
                new ReviewRules.Routing(ReviewRules.Reviewers.BUREAU, null, List.of(), 1, List.of()));
        assertThat(review.extension()).isEqualTo(
                new ReviewRules.Extension(new Period(10, Period.Unit.WORKING_DAYS), 1));
        assertThat(review.instantFiling()).isEqualTo(new ReviewRules.InstantFiling(List.of(SPECIAL), "659006-IF-test",
                true, 2, new Period(6, Period.Unit.MONTHS), true));
        assertThat(review.recheckReminderBefore()).isNull();
        assertThat(review.designatedInstitutions()).isEqualTo(new ReviewRules.DesignatedInstitutions(
                List.of(new ReviewRules.Institution("H65900600001", "第二师医院", 3)), 1));
        assertThat(event.diseases().get(0).criteria())
                .containsExactly(new ReviewRules.Criterion("FACTOR_LEVEL_CONFIRMS", "凝血因子活性检测支持血友病诊断"));
        assertThat(event.diseases().get(1).criteria()).isEmpty();
    }

    @Test
    void announcesAVersionWithoutReviewRulesWithoutThem() {
        RegionFile withoutReview = RegionFixtures.file("2025.1", LocalDate.of(2025, 1, 1), RegionFixtures.diseases(),
                RegionFixtures.withReview(RegionFixtures.policy(), null));
        RegionVersion version = RegionFixtures.stored(withoutReview);
        given(regions.all()).willReturn(List.of(version));
        given(regions.announce(eq(version.id()), any(), eq(NOW))).willReturn(true);

        announcer.announceVersionsInForce();

        ArgumentCaptor<OutboxEntry> entry = ArgumentCaptor.forClass(OutboxEntry.class);
        then(regions).should().announce(eq(version.id()), entry.capture(), eq(NOW));
        RegionPolicy policy = json.readValue(entry.getValue().payload(), CatalogPublished.class).policy();
        assertThat(policy.review()).isNull();
        assertThat(policy.reviewRules().rejectionReasons()).isEmpty();
    }

    @Test
    void leavesAVersionThatTakesEffectLaterUnannounced() {
        RegionFile later = RegionFixtures.file("2027.1", LocalDate.of(2027, 1, 1), RegionFixtures.diseases(),
                RegionFixtures.policy());
        given(regions.all()).willReturn(List.of(RegionFixtures.stored(later)));

        announcer.announceVersionsInForce();

        then(regions).should(never()).announce(any(), any(), any());
    }
}
