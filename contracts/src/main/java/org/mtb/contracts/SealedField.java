package org.mtb.contracts;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The personal values that are stored and sent sealed (encrypted field by field), and the context each is sealed in.
 *
 * <p>A sealed value reads {@code enc:1:<key id>:<base64url of a 12-byte nonce, the ciphertext and a 16-byte tag>}:
 * AES-256-GCM, or SM4-GCM where a deployment chose it, by the key the id names. The context is authenticated with the
 * value (GCM's associated data), and names both the field and the application: a sealed phone copied into another
 * field, or into another application's record, does not open there. The producer and every consumer of an event use
 * the same context, so a service that only passes a value on (review, for the phone of the decision's recipient) needs
 * no key for it.
 */
public enum SealedField {

    ID_NUMBER("applicant.idNumber"),
    NAME("applicant.name"),
    PHONE("applicant.phone"),
    CONDITION_SUMMARY("conditionSummary"),
    /** An agent's (代办人) values, where an agent applies for the insured person. */
    AGENT_ID_NUMBER("agent.idNumber"),
    AGENT_NAME("agent.name"),
    AGENT_PHONE("agent.phone");

    private final String path;

    SealedField(String path) {
        this.path = path;
    }

    /** Where the value sits in an application: {@code applicant.phone}. */
    public String path() {
        return path;
    }

    /** The context a value of this field of this application is sealed in: {@code applicant.phone|620900-…}. */
    public String context(String applicationNumber) {
        return path + "|" + applicationNumber;
    }

    /**
     * Every field by its path in a stored application or case, with the context of its value from the application
     * number: what a re-encryption job needs to know of a collection that holds the whole application.
     */
    public static Map<String, UnaryOperator<String>> contextsByPath() {
        Map<String, UnaryOperator<String>> contexts = new LinkedHashMap<>();
        for (SealedField field : values()) {
            contexts.put(field.path, field::context);
        }
        return contexts;
    }
}
