package org.mtb.notification.sms;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One SMS the recording gateway "delivered". The phone is kept masked for reading and hashed so that support
 * can answer "was an SMS sent to this number?" without the log holding the number in clear.
 */
@Document(RecordedSms.COLLECTION)
record RecordedSms(@Id String id, String phoneMasked, String phoneSha256, String text, Instant recordedAt) {

    static final String COLLECTION = "sms_outbox_log";
}
