/**
 * Consuming events in batches: a Kafka poll's records handled with a few bulk MongoDB commands instead of a few
 * commands per record, while a record that cannot be handled still goes alone to its dead-letter topic after its
 * retries, as in the binder's per-record bindings.
 */
@NullMarked
package org.mtb.support.consumer;

import org.jspecify.annotations.NullMarked;
