/**
 * What the load benchmarks share: the arrival of each record at a consumer of a topic, percentiles, and the
 * processes of the local stack (their memory, a hard kill).
 */
@NullMarked
package org.mtb.benchmarks.load;

import org.jspecify.annotations.NullMarked;
