package org.mtb.catalog.calendar;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The body of a schedule year import. Dates and kinds are text, so that every problem is listed at once rather
 * than only the first value that does not parse.
 *
 * @param source the notice the days come from, e.g. {@code 国办发明电〔2026〕N号}; the source of every day that
 *        gives none of its own
 * @param importedBy refused: the operator who imports is the access token's subject, kept with the year
 */
record ScheduleYearRequest(@Nullable String source, @Nullable String importedBy, @Nullable List<@Nullable Day> days) {

    /** One day ({@code date}) or an inclusive range ({@code dateFrom}, {@code dateTo}) of one kind. */
    record Day(@Nullable String date, @Nullable String dateFrom, @Nullable String dateTo, @Nullable String kind,
            @Nullable String name, @Nullable String source) {
    }
}
