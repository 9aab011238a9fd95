package org.mtb.contracts.intake;

import org.jspecify.annotations.Nullable;
import org.mtb.contracts.PersonalData;

/**
 * The agent (代办人) who applies for the insured person: a relative or another person the insured person entrusted.
 * The region's materials for an agent application then apply (its {@code AGENT_APPLICATION} condition), and the agent
 * is told every status change as well as the applicant.
 *
 * <p>{@code idNumber}, {@code name} and {@code phone} travel and are stored sealed ({@link
 * org.mtb.contracts.SealedField#AGENT_ID_NUMBER}, {@code AGENT_NAME}, {@code AGENT_PHONE}), with their masked forms
 * beside them; {@link #toString()} masks whatever it holds.
 */
public record Agent(String idNumber, String name, String phone, Relationship relationship,
        Applicant.@Nullable Masked masked) {

    /** The agent's relationship to the insured person. */
    public enum Relationship {
        SPOUSE,
        PARENT,
        CHILD,
        OTHER
    }

    /** The masked forms: as carried, or made from clear values. */
    public Applicant.Masked maskedForms() {
        return masked != null ? masked : Applicant.Masked.of(idNumber, name, phone);
    }

    @Override
    public String toString() {
        Applicant.Masked shown = masked != null ? masked : new Applicant.Masked(PersonalData.maskIdNumber(idNumber),
                PersonalData.maskName(name), PersonalData.maskPhone(phone));
        return "Agent[idNumber=" + shown.idNumber() + ", name=" + shown.name() + ", phone=" + shown.phone()
                + ", relationship=" + relationship + "]";
    }
}
