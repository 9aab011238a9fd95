/**
 * Review deadlines (SLA): each case's deadline from its region's time limit and working-day calendar, the warning
 * and breach timers that fire once, the events they record, the open-case counts, and the reconciling of deadlines
 * when a region's calendar or catalog changes.
 */
@NullMarked
package org.mtb.review.sla;

import org.jspecify.annotations.NullMarked;
