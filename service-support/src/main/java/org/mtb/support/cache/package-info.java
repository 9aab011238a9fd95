/**
 * Copies, held in memory for a few seconds, of records every request needs and that seldom change
 * ({@link org.mtb.support.cache.HeldCopies}).
 */
@NullMarked
package org.mtb.support.cache;

import org.jspecify.annotations.NullMarked;
