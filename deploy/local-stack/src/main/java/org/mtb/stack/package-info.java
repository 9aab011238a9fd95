/**
 * Runs the whole platform on one machine without Docker: a real Kafka broker, a MongoDB wire
 * protocol server and the four service jars, each in its own JVM.
 */
@NullMarked
package org.mtb.stack;

import org.jspecify.annotations.NullMarked;
