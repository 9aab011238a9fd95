/**
 * The transactional outbox every publishing service shares: events are written inside the document they announce
 * and a relay publishes them from there, so no event is lost while Kafka is down and none goes out for a change
 * that was not stored. Single-document writes only, since the embedded MongoDB has no multi-document transactions.
 */
@NullMarked
package org.mtb.support.outbox;

import org.jspecify.annotations.NullMarked;
