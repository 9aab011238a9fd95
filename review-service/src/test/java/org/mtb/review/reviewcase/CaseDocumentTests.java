package org.mtb.review.reviewcase;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mtb.contracts.Channel;
import org.mtb.contracts.DiseaseCategory;
import org.mtb.contracts.InsuranceType;
import org.mtb.contracts.catalog.ReviewRules;
import org.mtb.contracts.catalog.ReviewTimeLimit;
import org.mtb.contracts.intake.Applicant;
import org.mtb.contracts.intake.ApplicationKind;
import org.mtb.contracts.intake.Hospital;
import org.mtb.review.sla.SlaClock;
import org.mtb.review.sla.SlaState;
import org.mtb.support.outbox.OutboxEntry;
import org.mtb.support.testing.ConverterEquivalence;

/**
 * The cases {@link CaseOpener} inserts are written by {@code RecordDocuments} (service-support), not by the
 * converter, and stored exactly as the converter would store them: a case as it opens, with its deadline, its
 * first event, an instant filing and a routing, a renewal's succession, and one withdrawn before it opened.
 */
class CaseDocumentTests {

    private static final Instant AT = Instant.parse("2026-12-06T00:57:23.201Z");

    @Test
    void storesACaseAsItOpensAsTheConverterWould() {
        ReviewCase opened = opened(ApplicationKind.RENEWAL);
        ReviewCase withdrawn = new ReviewCase(opened.applicationNumber(), opened.submittedEventId(),
                opened.regionCode(), opened.diseaseCode(), opened.diseaseName(), opened.diseaseCategory(),
                opened.applicant(), opened.hospital(), opened.conditionSummary(), opened.channel(),
                opened.submittedAt(), opened.openedAt(), CaseStatus.WITHDRAWN, null, null, null, 0L, List.of(),
                List.of(), new ReviewCase.Closing(CaseStatus.WITHDRAWN, AT, "e-2", "本人申请撤回"), null, null, null,
                null, null, null, null, null);

        ConverterEquivalence.assertWrittenAsTheConverterWrites(opened, withdrawn);
    }

    private static ReviewCase opened(ApplicationKind kind) {
        SlaClock sla = new SlaClock(new ReviewTimeLimit(DiseaseCategory.CHRONIC, ReviewTimeLimit.Kind.WORKING_DAYS,
                new BigDecimal("0.5")), AT, AT.plusSeconds(86_400), AT.plusSeconds(70_000), AT.plusSeconds(86_400),
                false, 1, 1, SlaState.ON_TIME, null, null);
        return new ReviewCase("520200-20261206-000001", "01a248db-062b-7180-bb45-db39d1e8a538", "520200",
                "L520200-001", "风湿性心脏病", DiseaseCategory.CHRONIC,
                new Applicant("enc:1:k1:id", "enc:1:k1:name", "enc:1:k1:phone", InsuranceType.EMPLOYEE, "cff6",
                        new Applicant.Masked("5202**********0008", "李**", "150****0001")),
                new Hospital("六盘水市人民医院", 3, "H52020000001"), "enc:1:k1:summary", Channel.WEB_HALL, AT,
                AT.plusMillis(520), CaseStatus.OPEN, null, "2025.3", sla, 0L,
                List.of(new OutboxEntry("e-1", "review.started", "520200-20261206-000001", "{\"a\":1}", AT)), List.of(),
                null, null, null, null, new InstantFiling("2025.3", false, List.of("hospital level 2 < 3"), AT), null,
                new ReviewCase.Succession(kind, "Q-520200-20251206-000001"),
                new CaseRouting(ReviewRules.Reviewers.BUREAU, null, 1, "the diagnosing hospital sent no code"), null);
    }
}
