package org.mtb.review.calendar;

/** A region's calendar copy was replaced by a newer revision (a Spring application event, inside this instance). */
public record CalendarChanged(String regionCode, long revision) {
}
