package org.mtb.notification.sms;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Hands texts to an SMS provider. Throws when the provider did not accept one; the caller retries. */
@FunctionalInterface
public interface SmsGateway {

    @Nullable SmsReceipt send(String phone, String text);

    /**
     * Hands several texts over; answers each one's outcome, in their order. One by one here; a provider with a batch
     * interface takes them in one call.
     */
    default List<SmsOutcome> sendAll(List<OutgoingSms> texts) {
        List<SmsOutcome> outcomes = new ArrayList<>(texts.size());
        for (OutgoingSms sms : texts) {
            try {
                outcomes.add(SmsOutcome.sent(send(sms.phone(), sms.text())));
            } catch (RuntimeException refused) {
                outcomes.add(SmsOutcome.failed(refused));
            }
        }
        return outcomes;
    }

    /**
     * A text to send.
     *
     * @param reference what the sender knows it by (the application number), for the provider's records and logs
     */
    record OutgoingSms(String phone, String text, String reference) {
    }

    /** What became of one text: a receipt (which may be null) when the provider took it, else the failure. */
    record SmsOutcome(@Nullable SmsReceipt receipt, @Nullable RuntimeException failure) {

        public static SmsOutcome sent(@Nullable SmsReceipt receipt) {
            return new SmsOutcome(receipt, null);
        }

        public static SmsOutcome failed(RuntimeException failure) {
            return new SmsOutcome(null, failure);
        }
    }
}
