package org.mtb.contracts.intake;

import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;
import org.mtb.contracts.InsuranceType;
import org.mtb.contracts.PersonalData;
import org.mtb.contracts.SealedField;

/**
 * The insured person.
 *
 * <p>From schema 2 of {@link ApplicationSubmitted}, {@code idNumber}, {@code name} and {@code phone} are sealed
 * ({@link org.mtb.contracts.SealedField}), {@code idNumberIndex} is the keyed blind index of the ID number (HMAC, for
 * lookups of the same person without the clear value) and {@code masked} holds the forms every answer and message may
 * show. Schema 1 carried the three in clear and neither of the other two. {@link #toString()} masks whatever it
 * holds, so that it cannot reach a log line by accident.
 */
public record Applicant(
        String idNumber,
        String name,
        String phone,
        InsuranceType insuranceType,
        @Nullable String idNumberIndex,
        @Nullable Masked masked) {

    /** The masked forms of the person's data, as {@link PersonalData} makes them. */
    public record Masked(@Nullable String idNumber, @Nullable String name, @Nullable String phone) {

        public static Masked of(String idNumber, String name, String phone) {
            return new Masked(PersonalData.maskIdNumber(idNumber), PersonalData.maskName(name),
                    PersonalData.maskPhone(phone));
        }
    }

    /** The masked forms: carried from schema 2, made from the clear values of schema 1. */
    public Masked maskedForms() {
        return masked != null ? masked : Masked.of(idNumber, name, phone);
    }

    /**
     * The masked forms: carried from schema 2; else made from the values as {@code readable} answers them (opened
     * where sealed, as they are where in clear), for a record stored before the masked forms were.
     */
    public Masked maskedForms(BiFunction<String, SealedField, String> readable) {
        return masked != null ? masked : Masked.of(readable.apply(idNumber, SealedField.ID_NUMBER),
                readable.apply(name, SealedField.NAME), readable.apply(phone, SealedField.PHONE));
    }

    @Override
    public String toString() {
        Masked shown = masked != null ? masked : new Masked(PersonalData.maskIdNumber(idNumber),
                PersonalData.maskName(name), PersonalData.maskPhone(phone));
        return "Applicant[idNumber=" + shown.idNumber() + ", name=" + shown.name() + ", phone=" + shown.phone()
                + ", insuranceType=" + insuranceType + "]";
    }
}
