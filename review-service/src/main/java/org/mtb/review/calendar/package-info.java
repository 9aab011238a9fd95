/**
 * Review's own copy of every region's working-day calendar, fed by {@code CalendarPublished}: the schedule
 * years loaded in the catalog, their days off and worked weekend days, and the working hours.
 */
@NullMarked
package org.mtb.review.calendar;

import org.jspecify.annotations.NullMarked;
