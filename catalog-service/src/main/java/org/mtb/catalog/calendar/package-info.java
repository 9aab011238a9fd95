/** Each region's working-day calendar, from data files, and the deadlines it gives, served over HTTP. */
package org.mtb.catalog.calendar;
