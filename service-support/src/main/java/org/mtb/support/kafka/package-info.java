/** The Kafka client settings every producer of a service takes from the Kafka binder's configuration. */
@NullMarked
package org.mtb.support.kafka;

import org.jspecify.annotations.NullMarked;
