package org.mtb.contracts;

import org.jspecify.annotations.Nullable;

/**
 * How ID numbers, names and phone numbers may appear outside the record that holds them:
 * in responses, logs and SMS only these masked forms are allowed.
 */
public final class PersonalData {

    private PersonalData() {
    }

    /** {@code 11010519491231002X} becomes {@code 1101**********002X}. */
    public static @Nullable String maskIdNumber(@Nullable String idNumber) {
        if (idNumber == null || idNumber.length() < 8) {
            return stars(idNumber);
        }
        return idNumber.substring(0, 4) + "*".repeat(idNumber.length() - 8) + idNumber.substring(idNumber.length() - 4);
    }

    /** {@code 张三} becomes {@code 张*}, {@code 欧阳娜娜} becomes {@code 欧***}. */
    public static @Nullable String maskName(@Nullable String name) {
        if (name == null || name.isEmpty()) {
            return stars(name);
        }
        int first = name.offsetByCodePoints(0, 1);
        return name.substring(0, first) + "*".repeat(Math.max(1, name.codePointCount(first, name.length())));
    }

    /** {@code 13800138000} becomes {@code 138****8000}. */
    public static @Nullable String maskPhone(@Nullable String phone) {
        if (phone == null || phone.length() < 7) {
            return stars(phone);
        }
        return phone.substring(0, 3) + "*".repeat(phone.length() - 7) + phone.substring(phone.length() - 4);
    }

    private static @Nullable String stars(@Nullable String value) {
        return value == null ? null : "*".repeat(value.length());
    }
}
