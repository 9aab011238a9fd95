/**
 * The SLA timer load benchmark: a million pending timers in the embedded MongoDB, the real review-service jar
 * started on top of them, ten thousand timers falling due in the same second, and a second such burst during which
 * review-service is killed and restarted. Run with {@code ./mtb bench timers}.
 */
@NullMarked
package org.mtb.benchmarks.timers;

import org.jspecify.annotations.NullMarked;
