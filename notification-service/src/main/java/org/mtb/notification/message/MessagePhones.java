package org.mtb.notification.message;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.mtb.contracts.PersonalData;
import org.mtb.contracts.SealedField;
import org.mtb.support.crypto.FieldCipher;
import org.mtb.support.crypto.SealedCollection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The applicant's phone, kept as intake sealed it ({@link SealedField#PHONE}, in the application's context) and
 * opened only at the moment an SMS goes to the gateway. A phone that came in clear, in a schema-1 event, is sealed
 * here before it is stored.
 */
@Configuration(proxyBeanMethods = false)
class MessagePhones {

    private final FieldCipher cipher;

    MessagePhones(FieldCipher cipher) {
        this.cipher = cipher;
    }

    /** The stored messages' sealed phone, for the re-encryption job. */
    @Bean
    static SealedCollection sealedMessagePhones() {
        return new SealedCollection(ApplicantMessage.COLLECTION, "applicationNumber",
                Map.of("recipientPhone", SealedField.PHONE::context));
    }

    /** A phone to store: sealed, and masked for answers. */
    record Phone(String sealed, @Nullable String masked) {
    }

    /**
     * The phone an event names, to store; null when it names none.
     *
     * @param masked the masked form the event carries, if any
     */
    @Nullable Phone of(String applicationNumber, @Nullable String fromEvent, @Nullable String masked) {
        if (fromEvent == null || fromEvent.isBlank()) {
            return null;
        }
        if (FieldCipher.isSealed(fromEvent)) {
            return new Phone(fromEvent, masked);
        }
        String clear = fromEvent.strip();
        return new Phone(cipher.seal(clear, SealedField.PHONE.context(applicationNumber)),
                PersonalData.maskPhone(clear));
    }

    /**
     * The number to hand the gateway; throws {@link IllegalArgumentException} for a value that does not open (changed
     * in the database, or copied from another application).
     */
    String open(ApplicantMessage sms) {
        String phone = sms.recipientPhone();
        if (phone == null) {
            throw new IllegalArgumentException("The message names no phone");
        }
        return cipher.readable(phone, SealedField.PHONE.context(sms.applicationNumber()));
    }
}
