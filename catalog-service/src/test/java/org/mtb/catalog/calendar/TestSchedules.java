package org.mtb.catalog.calendar;

/**
 * Import bodies shaped like a State Council holiday notice. The dates are test data, not a published schedule:
 * no notice for these years is in the project's sources.
 */
final class TestSchedules {

    /** The national operator whose token imports the test schedules; the import records it. */
    static final String OPERATOR = "ops-li";

    private TestSchedules() {
    }

    static String source(int year) {
        return "Test notice for " + year + " shaped like 国务院办公厅关于" + year + "年部分节假日安排的通知; not a published schedule";
    }

    /** New Year's Day, a Spring Festival range and one worked weekend day (调休). */
    static String national(int year, String newYearsDay, String springFestivalFrom, String springFestivalTo,
            String workedWeekendDay) {
        return """
                {"source": "%s", "days": [
                  {"date": "%s", "kind": "OFF", "name": "元旦"},
                  {"dateFrom": "%s", "dateTo": "%s", "kind": "OFF", "name": "春节"},
                  {"date": "%s", "kind": "WORKED", "name": "春节调休上班"}]}
                """.formatted(source(year), newYearsDay, springFestivalFrom, springFestivalTo,
                workedWeekendDay);
    }
}
