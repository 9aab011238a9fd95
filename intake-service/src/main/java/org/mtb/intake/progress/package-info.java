/**
 * Moves an application's status and timeline as review reports on it, from the review's start (and any extension of
 * its deadline) through the decision to its aftermath (public notice, objections, the qualification granted, revoked
 * or expired); idempotent on event ids and never moved back by an event that arrives late.
 */
@NullMarked
package org.mtb.intake.progress;

import org.jspecify.annotations.NullMarked;
