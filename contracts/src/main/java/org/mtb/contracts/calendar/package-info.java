/** Events about regions' working-day calendars, published by catalog-service. */
@NullMarked
package org.mtb.contracts.calendar;

import org.jspecify.annotations.NullMarked;
