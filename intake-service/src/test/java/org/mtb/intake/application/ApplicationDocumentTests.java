package org.mtb.intake.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mtb.contracts.Channel;
import org.mtb.contracts.DiseaseCategory;
import org.mtb.contracts.InsuranceType;
import org.mtb.contracts.catalog.IdentityVerification;
import org.mtb.contracts.intake.Agent;
import org.mtb.contracts.intake.Applicant;
import org.mtb.contracts.intake.ApplicationKind;
import org.mtb.contracts.intake.Hospital;
import org.mtb.contracts.intake.Submitter;
import org.mtb.support.outbox.OutboxEntry;
import org.mtb.support.testing.ConverterEquivalence;

/**
 * The applications intake stores through the outbox's bulk insert are written by {@code RecordDocuments}
 * (service-support), not by the converter, and stored exactly as the converter would store them: an application as
 * submitted, with its materials (dates of issue), declaration, identity check, submitter, agent and first event.
 */
class ApplicationDocumentTests {

    private static final Instant AT = Instant.parse("2026-12-06T00:57:23.201Z");

    @Test
    void storesAnApplicationAsSubmittedAsTheConverterWould() {
        Applicant.Masked masked = new Applicant.Masked("5202**********0008", "李**", "150****0001");
        Application submitted = new Application("520200-20261206-000001", "gz-platform|k-1", "34da3348",
                "520200", "L520200-001", "风湿性心脏病", DiseaseCategory.CHRONIC,
                new Applicant("enc:1:k1:id", "enc:1:k1:name", "enc:1:k1:phone", InsuranceType.EMPLOYEE, "cff6",
                        masked),
                new Hospital("六盘水市人民医院", 3, null), "enc:1:k1:summary", Channel.WEB_HALL, AT,
                ApplicationStatus.SUBMITTED, List.of(new TimelineEntry(ApplicationStatus.SUBMITTED, AT, "已受理")),
                List.of(), 0L,
                List.of(new OutboxEntry("e-1", "intake.application-submitted", "520200-20261206-000001", "{}", AT)),
                new Submitter("gz-platform", "gz-platform", "CHANNEL"),
                new VerifiedIdentity(IdentityVerification.E_VOUCHER, "ev-1", AT.minusSeconds(3), "gz-platform"),
                List.of(new MaterialItem("DISEASE_CERTIFICATE", "疾病证明书", List.of("b9239cf8", "89f323d2"),
                        LocalDate.of(2026, 11, 6), "六盘水市人民医院", 3),
                        new MaterialItem("EXAMINATION_REPORTS", "检查化验报告", List.of("9de98d9d"), null, null, null)),
                new Application.ConfirmedDeclaration("2026-11-30", AT), List.of(), null, null, ApplicationKind.NEW,
                null, new Agent("enc:1:k1:agent-id", "enc:1:k1:agent-name", "enc:1:k1:agent-phone",
                        Agent.Relationship.CHILD, masked), null, null);

        ConverterEquivalence.assertWrittenAsTheConverterWrites(submitted);
    }
}
