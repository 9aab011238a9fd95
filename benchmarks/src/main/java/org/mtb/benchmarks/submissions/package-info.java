/**
 * The submissions benchmark: the whole stack from the built jars, applications sent to intake-service over HTTP in a
 * burst and at fixed rates, each one followed to its {@code ApplicationSubmitted} on Kafka, the consumers' lag, the
 * MongoDB commands an application costs, a kill of intake-service mid-burst, and a bare insert loop for comparison.
 * Run with {@code ./mtb bench submissions}.
 */
@NullMarked
package org.mtb.benchmarks.submissions;

import org.jspecify.annotations.NullMarked;
