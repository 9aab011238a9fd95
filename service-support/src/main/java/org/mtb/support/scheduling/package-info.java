/** Work that repeats on a thread of its own, so that no other scheduled task can hold it up. */
@NullMarked
package org.mtb.support.scheduling;

import org.jspecify.annotations.NullMarked;
