package org.mtb.notification.sms;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One SMS the recording gateway "delivered". The phone is kept masked for reading and as its keyed blind index
 * (HMAC, not a plain hash, which the 10^11 possible numbers would reverse), so that support can answer "was an SMS sent
 * to this number?" without the log holding the number in clear.
 */
@Document(RecordedSms.COLLECTION)
record RecordedSms(@Id String id, String phoneMasked, String phoneIndex, String text, Instant recordedAt) {

    static final String COLLECTION = "sms_outbox_log";
}
