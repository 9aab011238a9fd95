package org.mtb.contracts.review;

import org.jspecify.annotations.Nullable;
import org.mtb.contracts.PersonalData;

/**
 * Whom to tell about a case.
 *
 * <p>Schema 2 of {@link ApplicationDecided} carries only what notification needs: {@code phone} sealed
 * ({@link org.mtb.contracts.SealedField#PHONE}, as intake sealed it), {@code maskedName} and {@code maskedPhone} (the
 * phone as an answer or a log line may show it, {@code 138****8000}); {@code name} is absent. Schema 1 carried {@code
 * name} and {@code phone} in clear. Events written before {@code maskedPhone} was added have none: a reader that needs
 * it then has only the sealed phone. {@link #toString()} masks it so that it cannot reach a log line.
 */
public record Recipient(@Nullable String name, @Nullable String phone, @Nullable String maskedName,
        @Nullable String maskedPhone) {

    /** The masked name: carried from schema 2, made from the clear name of schema 1. */
    public @Nullable String shownName() {
        return maskedName != null ? maskedName : PersonalData.maskName(name);
    }

    @Override
    public String toString() {
        return "Recipient[name=" + shownName() + ", phone=" + PersonalData.maskPhone(phone) + "]";
    }
}
