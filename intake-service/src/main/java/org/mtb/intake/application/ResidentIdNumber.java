package org.mtb.intake.application;

import java.time.DateTimeException;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** The 18-character resident identity number of GB 11643-1999, with its ISO 7064 MOD 11-2 check character. */
final class ResidentIdNumber {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK_CHARACTERS = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    private ResidentIdNumber() {
    }

    /** Why the number is not valid, or {@code null} when it is. */
    static @Nullable String problem(String idNumber, LocalDate today) {
        if (idNumber.length() != 18) {
            return "must be 18 characters";
        }
        for (int i = 0; i < 17; i++) {
            if (!Character.isDigit(idNumber.charAt(i)) || idNumber.charAt(i) > '9') {
                return "the first 17 characters must be digits";
            }
        }
        LocalDate birthDate = birthDate(idNumber);
        if (birthDate == null || birthDate.isAfter(today) || birthDate.getYear() < 1900) {
            return "characters 7-14 must be a real date of birth";
        }
        if (Character.toUpperCase(idNumber.charAt(17)) != checkCharacter(idNumber)) {
            return "the check character does not match";
        }
        return null;
    }

    static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS[sum % 11];
    }

    private static @Nullable LocalDate birthDate(String idNumber) {
        try {
            return LocalDate.of(Integer.parseInt(idNumber.substring(6, 10)), Integer.parseInt(idNumber.substring(10, 12)),
                    Integer.parseInt(idNumber.substring(12, 14)));
        } catch (DateTimeException e) {
            return null;
        }
    }
}
