package org.mtb.catalog.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mtb.calendar.ScheduleEntry;
import org.mtb.support.web.FieldProblem;

class ScheduleYearValidatorTests {

    private static final String SOURCE = "Test notice for 2027, not a published schedule";

    @Test
    void expandsRangesAndGivesEveryDayTheSourceOfTheNotice() {
        var checked = ScheduleYearValidator.check(2027, new ScheduleYearRequest(SOURCE, null, List.of(
                day("2027-02-20", "WORKED", "春节调休上班"),
                new ScheduleYearRequest.Day(null, "2027-02-06", "2027-02-08", "OFF", "春节", null),
                new ScheduleYearRequest.Day("2027-01-01", null, null, "OFF", "元旦", "own source"))), "ops-li");

        assertThat(checked.problems()).isEmpty();
        assertThat(checked.entries()).containsExactly(
                new ScheduleEntry(LocalDate.of(2027, 1, 1), ScheduleEntry.Kind.OFF, "元旦", "own source"),
                new ScheduleEntry(LocalDate.of(2027, 2, 6), ScheduleEntry.Kind.OFF, "春节", SOURCE),
                new ScheduleEntry(LocalDate.of(2027, 2, 7), ScheduleEntry.Kind.OFF, "春节", SOURCE),
                new ScheduleEntry(LocalDate.of(2027, 2, 8), ScheduleEntry.Kind.OFF, "春节", SOURCE),
                new ScheduleEntry(LocalDate.of(2027, 2, 20), ScheduleEntry.Kind.WORKED, "春节调休上班", SOURCE));
    }

    @Test
    void listsEveryProblemAtOnce() {
        var checked = ScheduleYearValidator.check(2030, new ScheduleYearRequest(" ", null, List.of(
                day("2030-01-01", "OFF", "元旦"),
                day("2030-02-13", "WORKED", "春节调休上班"),
                day("2029-12-31", "OFF", "元旦"),
                day("2030-01-01", "OFF", "元旦"))), "ops-li");

        assertThat(checked.problems()).extracting(FieldProblem::field, FieldProblem::code).containsExactlyInAnyOrder(
                tuple("source", "REQUIRED"),
                tuple("days[1].kind", "NOT_A_WEEKEND_DAY"),
                tuple("days[2].date", "OUT_OF_RANGE"),
                tuple("days[3].date", "DUPLICATE_DATE"));
    }

    @Test
    void findsADateTwiceAcrossOverlappingRanges() {
        var checked = ScheduleYearValidator.check(2027, new ScheduleYearRequest(SOURCE, null, List.of(
                new ScheduleYearRequest.Day(null, "2027-10-01", "2027-10-07", "OFF", "国庆节", null),
                new ScheduleYearRequest.Day(null, "2027-10-07", "2027-10-08", "OFF", "国庆节", null))), "ops-li");

        assertThat(checked.problems()).extracting(FieldProblem::field, FieldProblem::code)
                .containsExactly(tuple("days[1].dateFrom", "DUPLICATE_DATE"));
    }

    @Test
    void refusesAYearOutOfRangeAndDaysWithoutDateKindOrName() {
        var checked = ScheduleYearValidator.check(1999, new ScheduleYearRequest(SOURCE, "ops-wang", List.of(
                new ScheduleYearRequest.Day(null, null, null, "HOLIDAY", " ", null),
                new ScheduleYearRequest.Day("1999-01-01", "1999-01-01", null, null, "元旦", null),
                new ScheduleYearRequest.Day(null, "1999-02-20", "1999-02-10", "OFF", "春节", null))), "ops-li");

        assertThat(checked.problems()).extracting(FieldProblem::field, FieldProblem::code).containsExactlyInAnyOrder(
                tuple("year", "OUT_OF_RANGE"),
                tuple("importedBy", "NOT_ACCEPTED"),
                tuple("days[0].date", "REQUIRED"),
                tuple("days[0].kind", "INVALID_VALUE"),
                tuple("days[0].name", "REQUIRED"),
                tuple("days[1].date", "INVALID_VALUE"),
                tuple("days[1].kind", "REQUIRED"),
                tuple("days[2].dateTo", "INVALID_VALUE"));
    }

    @Test
    void needsAtLeastOneDay() {
        var checked = ScheduleYearValidator.check(2027, new ScheduleYearRequest(SOURCE, null, List.of()), "ops-li");

        assertThat(checked.problems()).extracting(FieldProblem::field).containsExactly("days");
    }

    private static ScheduleYearRequest.Day day(String date, String kind, String name) {
        return new ScheduleYearRequest.Day(date, null, null, kind, name, null);
    }
}
