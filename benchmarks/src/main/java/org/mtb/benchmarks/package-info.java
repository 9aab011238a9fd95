/** JMH benchmarks for the targets the issues set; run with {@code ./mtb bench}. */
package org.mtb.benchmarks;
