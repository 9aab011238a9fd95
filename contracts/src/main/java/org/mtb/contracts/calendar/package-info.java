/** Events about regions' working-day calendars, published by catalog-service. */
package org.mtb.contracts.calendar;
