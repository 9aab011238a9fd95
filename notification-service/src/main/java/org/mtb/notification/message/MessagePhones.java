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
 * here before it is stored. The phone of an agent (代办人) is kept and opened alike, in its own field and context
 * ({@link SealedField#AGENT_PHONE}).
 */
@Configuration(proxyBeanMethods = false)
class MessagePhones {

    private final FieldCipher cipher;

    MessagePhones(FieldCipher cipher) {
        this.cipher = cipher;
    }

    /** The stored messages' sealed phones, the applicant's and the agent's, for the re-encryption job. */
    @Bean
    static SealedCollection sealedMessagePhones() {
        return new SealedCollection(ApplicantMessage.COLLECTION, "applicationNumber",
                Map.of("recipientPhone", SealedField.PHONE::context, "agentPhone", SealedField.AGENT_PHONE::context));
    }

    /** The agent's sealed phone the applications' index entries keep ({@link AgentOnFile}), for the same job. */
    @Bean
    static SealedCollection sealedAgentPhones() {
        return new SealedCollection(Messages.BY_APPLICATION, "_id",
                Map.of(AgentOnFile.FIELD + "." + AgentOnFile.PHONE, SealedField.AGENT_PHONE::context));
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
        return of(SealedField.PHONE, applicationNumber, fromEvent, masked);
    }

    /** As {@link #of(String, String, String)}, for the phone of {@code field}: the applicant's or the agent's. */
    @Nullable Phone of(SealedField field, String applicationNumber, @Nullable String fromEvent,
            @Nullable String masked) {
        if (fromEvent == null || fromEvent.isBlank()) {
            return null;
        }
        if (FieldCipher.isSealed(fromEvent)) {
            return new Phone(fromEvent, masked);
        }
        String clear = fromEvent.strip();
        return new Phone(cipher.seal(clear, field.context(applicationNumber)), PersonalData.maskPhone(clear));
    }

    /**
     * The number to hand the gateway; throws {@link IllegalArgumentException} for a value that does not open (changed
     * in the database, or copied from another application).
     */
    String open(ApplicantMessage sms) {
        String phone = sms.toAgent() ? sms.agentPhone() : sms.recipientPhone();
        if (phone == null) {
            throw new IllegalArgumentException("The message names no phone");
        }
        SealedField field = sms.toAgent() ? SealedField.AGENT_PHONE : SealedField.PHONE;
        return cipher.readable(phone, field.context(sms.applicationNumber()));
    }
}
