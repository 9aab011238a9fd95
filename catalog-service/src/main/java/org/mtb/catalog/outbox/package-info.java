/**
 * The transactional outbox: events are written inside the document they announce and published from there,
 * so no event is lost while Kafka is down and none goes out for a change that was not stored.
 */
package org.mtb.catalog.outbox;
