package org.mtb.support.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IsoDatesTests {

    private static final long YEAR_0000 = LocalDate.of(0, 1, 1).toEpochDay() * 86_400L;
    private static final long YEAR_10000 = LocalDate.of(10_000, 1, 1).toEpochDay() * 86_400L;

    @Test
    void readsEveryInstantAsInstantParseDoesWithAnyNumberOfFractionDigits() {
        SplittableRandom random = new SplittableRandom(20261205);
        for (int i = 0; i < 200_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(YEAR_0000, YEAR_10000),
                    random.nextInt(1_000_000_000));
            String text = instant.toString();
            assertThat(IsoDates.instant(text)).as(text).isEqualTo(Instant.parse(text));
            String shorter = withFractionDigits(instant, random.nextInt(10));
            assertThat(IsoDates.instant(shorter)).as(shorter).isEqualTo(Instant.parse(shorter));
        }
    }

    @Test
    void readsEveryDateAsLocalDateParseDoes() {
        for (LocalDate date = LocalDate.of(1899, 1, 1); date.getYear() < 2101; date = date.plusDays(1)) {
            assertThat(IsoDates.localDate(date.toString())).isEqualTo(date);
        }
        for (String text : List.of("0000-01-01", "9999-12-31", "2024-02-29", "2000-02-29")) {
            assertThat(IsoDates.localDate(text)).as(text).isEqualTo(LocalDate.parse(text));
        }
    }

    @Test
    void leavesEveryOtherFormToTheStandardReaderWhateverItMakesOfIt() {
        for (String text : List.of("2026-11-23t02:15:30Z", "2026-11-23T02:15:30z", "2026-11-23T02:15:30+08:00",
                "2026-11-23T02:15:30.Z", "2026-11-23T02:15:30.1234567890Z", "2026-11-23T23:59:60Z",
                "2026-11-23T24:00:00Z", "2026-02-29T00:00:00Z", "2026-13-01T00:00:00Z", "2026-11-23T2:15:30Z",
                " 2026-11-23T02:15:30Z", "2026-11-23 02:15:30Z", "+2026-11-23T02:15:30Z", "2026-11-23T02:15Z",
                "2026-11-23T02:1a:30Z", "1700000000", "", "2026-11-23")) {
            assertThat(IsoDates.instant(text)).as(text).isNull();
        }
        for (String text : List.of("2026-02-29", "2026-02-30", "2026-00-10", "2026-13-01", "2026-11-00",
                "2026-11-32", "2026/11/23", "26-11-23", "+2026-11-23", "2026-1-230", " 2026-11-2", "2026-11-23T00",
                "２０２６-11-23", "")) {
            assertThat(IsoDates.localDate(text)).as(text).isNull();
        }
    }

    @Test
    void whatItLeavesTheStandardReaderStillReadsWhereItCan() {
        assertThat(IsoDates.instant("2026-11-23T02:15:30+08:00")).isNull();
        assertThat(Instant.parse("2026-11-23T02:15:30+08:00")).isEqualTo(Instant.parse("2026-11-22T18:15:30Z"));
        assertThat(IsoDates.localDate("2026-02-30")).isNull();
        assertThatThrownBy(() -> LocalDate.parse("2026-02-30"))
                .isInstanceOf(DateTimeParseException.class);
    }

    private static String withFractionDigits(Instant instant, int digits) {
        String whole = instant.toString();
        String seconds = whole.substring(0, whole.indexOf(':') + 6);
        String nanos = String.format("%09d", instant.getNano());
        return digits == 0 ? seconds + "Z" : seconds + "." + nanos.substring(0, digits) + "Z";
    }
}
