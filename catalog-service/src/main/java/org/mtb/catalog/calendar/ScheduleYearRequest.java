package org.mtb.catalog.calendar;

import java.util.List;

/**
 * The body of a schedule year import. Dates and kinds are text, so that every problem is listed at once rather
 * than only the first value that does not parse.
 *
 * @param source the notice the days come from, e.g. {@code 国办发明电〔2026〕N号}; the source of every day that
 *        gives none of its own
 * @param importedBy who imports it, kept with the year
 */
record ScheduleYearRequest(String source, String importedBy, List<Day> days) {

    /** One day ({@code date}) or an inclusive range ({@code dateFrom}, {@code dateTo}) of one kind. */
    record Day(String date, String dateFrom, String dateTo, String kind, String name, String source) {
    }
}
