/**
 * Each region's working-day calendar, from the shipped schedule files and the years operators import, served over
 * HTTP with the deadlines it gives and published as {@code CalendarPublished} whenever it changes.
 */
@NullMarked
package org.mtb.catalog.calendar;

import org.jspecify.annotations.NullMarked;
