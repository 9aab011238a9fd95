/** JMH benchmarks for the targets the issues set; run with {@code ./mtb bench}. */
@NullMarked
package org.mtb.benchmarks;

import org.jspecify.annotations.NullMarked;
