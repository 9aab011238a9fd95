package org.mtb.notification.message;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mtb.contracts.intake.Submitter;
import org.mtb.support.testing.ConverterEquivalence;

/**
 * The messages {@link MessageBatches} inserts are written by {@code RecordDocuments} (service-support), not by the
 * converter, and stored exactly as the converter would store them: an in-app message as sent, and an SMS waiting for
 * its next attempt after a failure.
 */
class MessageDocumentTests {

    private static final Instant AT = Instant.parse("2026-12-06T00:57:22.593Z");
    private static final UUID EVENT = UUID.fromString("01a248db-01a6-7faf-9e6f-e158c21b4aec");
    private static final String NUMBER = "620900-20261206-000001";

    @Test
    void storesMessagesAsTheConverterWould() {
        ApplicantMessage inApp = new ApplicantMessage(EVENT + ":IN_APP", NUMBER, EVENT.toString(),
                EventType.APPLICATION_SUBMITTED, DeliveryChannel.IN_APP, "enc:1:k1:phone", "门诊慢特病申请已受理",
                "王*您好，您申请的门诊慢特病（高血压）已受理，受理编号" + NUMBER + "。", MessageStatus.SENT, 1, AT, AT, null,
                null, new Submitter("gs-platform", "gs-platform", "CHANNEL"), "130****0000", "45c09c77", null, null);
        ApplicantMessage retrying = new ApplicantMessage(EVENT + ":SMS", NUMBER, EVENT.toString(),
                EventType.APPLICATION_SUBMITTED, DeliveryChannel.SMS, "enc:1:k1:phone", "门诊慢特病申请已受理",
                "【医保服务】王*您好，您的申请已受理。", MessageStatus.values()[0], 2, AT, null, "gateway timeout",
                AT.plusSeconds(30), null, "130****0000", "45c09c77", "H62090000001", "enc:1:k1:agent-phone");

        ConverterEquivalence.assertWrittenAsTheConverterWrites(inApp, retrying);
    }
}
