/**
 * Working-day arithmetic for a region: statutory days off, worked weekend days (调休), regional holidays and
 * working hours by season. Plain Java, so that every deadline rule is tested fast and directly.
 */
@NullMarked
package org.mtb.calendar;

import org.jspecify.annotations.NullMarked;
