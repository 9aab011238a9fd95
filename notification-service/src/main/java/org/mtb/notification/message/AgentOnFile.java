package org.mtb.notification.message;

import org.bson.Document;
import org.jspecify.annotations.Nullable;

/**
 * The agent (代办人) who applied for the insured person, as the application's index entry keeps it from the
 * submission, under {@value #FIELD}: the phone sealed as intake sealed it ({@link
 * org.mtb.contracts.SealedField#AGENT_PHONE}, whose path {@code agent.phone} it is), its masked form, the masked name
 * and the relationship to the insured person. Every later event of the application is told to this phone by SMS too.
 */
record AgentOnFile(String phone, @Nullable String maskedPhone, @Nullable String maskedName,
        @Nullable String relationship) {

    /** The field of the index entry that holds the agent. */
    static final String FIELD = "agent";
    /** The sealed phone's field inside it. */
    static final String PHONE = "phone";

    Document toDocument() {
        return new Document(PHONE, phone).append("maskedPhone", maskedPhone).append("maskedName", maskedName)
                .append("relationship", relationship);
    }

    /** The agent an index entry's {@value #FIELD} holds; null for none, or one without a phone to tell. */
    static @Nullable AgentOnFile of(@Nullable Document stored) {
        if (stored == null || stored.getString(PHONE) == null) {
            return null;
        }
        return new AgentOnFile(stored.getString(PHONE), stored.getString("maskedPhone"),
                stored.getString("maskedName"), stored.getString("relationship"));
    }

    @Override
    public String toString() {
        return "AgentOnFile[" + maskedName + ", " + maskedPhone + ", " + relationship + "]";
    }
}
