/**
 * Durable timers that fire once: stored in MongoDB in buckets per minute (and shard), polled by every
 * instance, and made to fire once by the handler's conditional update of the document a timer belongs to.
 */
@NullMarked
package org.mtb.review.timer;

import org.jspecify.annotations.NullMarked;
