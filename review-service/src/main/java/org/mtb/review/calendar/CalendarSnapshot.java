package org.mtb.review.calendar;

import org.mtb.calendar.WorkingDayCalendar;

/**
 * A region's calendar as review knows it now.
 *
 * @param revision the catalog's revision of it; 0 for the built-in national default used before any arrived
 */
public record CalendarSnapshot(WorkingDayCalendar calendar, long revision) {
}
