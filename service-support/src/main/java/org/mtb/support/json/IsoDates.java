package org.mtb.support.json;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * The two forms of date every event carries, read without {@code DateTimeFormatter}: {@code 2026-11-23} and
 * {@code 2026-11-23T02:15:30.123456Z} (what {@link Instant#toString()} and {@link LocalDate#toString()} write for the
 * years 0000-9999). Anything else, a lowercase letter, an offset, a leap second or an impossible date, answers
 * {@code null}, and the standard deserializer reads it, with its own answer or error. For the forms read here the
 * value is the one {@link Instant#parse} and {@link LocalDate#parse} give ({@code IsoDatesTests}).
 */
final class IsoDates {

    private static final int DATE_LENGTH = 10;
    private static final int DATE_TIME_LENGTH = 19;
    private static final int MAX_FRACTION_DIGITS = 9;
    private static final int[] NANOS_PER_DIGIT = {100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100,
            10, 1};

    private IsoDates() {
    }

    /** {@code yyyy-MM-dd}, or null. */
    static @Nullable LocalDate localDate(String text) {
        return text.length() == DATE_LENGTH ? date(text) : null;
    }

    /** {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z}, or null. */
    static @Nullable Instant instant(String text) {
        int length = text.length();
        if (length < DATE_TIME_LENGTH + 1 || length > DATE_TIME_LENGTH + 2 + MAX_FRACTION_DIGITS
                || text.charAt(length - 1) != 'Z' || text.charAt(DATE_LENGTH) != 'T' || text.charAt(13) != ':'
                || text.charAt(16) != ':') {
            return null;
        }
        LocalDate date = date(text);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        if (date == null || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        int nanos = 0;
        if (length > DATE_TIME_LENGTH + 1) {
            int fractionDigits = length - DATE_TIME_LENGTH - 2;
            if (text.charAt(DATE_TIME_LENGTH) != '.' || fractionDigits < 1) {
                return null;
            }
            int fraction = digits(text, DATE_TIME_LENGTH + 1, length - 1);
            if (fraction < 0) {
                return null;
            }
            nanos = fraction * NANOS_PER_DIGIT[fractionDigits - 1];
        }
        long seconds = date.toEpochDay() * 86_400L + hour * 3_600L + minute * 60L + second;
        return Instant.ofEpochSecond(seconds, nanos);
    }

    /** The date in the first ten characters, or null. */
    private static @Nullable LocalDate date(String text) {
        if (text.charAt(4) != '-' || text.charAt(7) != '-') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        if (year < 0 || month < 1 || month > 12 || day < 1) {
            return null;
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException impossible) {
            return null;
        }
    }

    /** The ASCII digits of {@code text[from, to)} as a number (at most nine), or -1 if any is not one. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
