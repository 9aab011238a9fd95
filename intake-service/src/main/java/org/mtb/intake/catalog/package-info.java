/**
 * Intake's own copy of every region's catalog, fed by {@code CatalogPublished} events, so that applications
 * are validated and accepted even while catalog-service is down.
 */
@NullMarked
package org.mtb.intake.catalog;

import org.jspecify.annotations.NullMarked;
