/** How every service reads and writes JSON: the one Jackson setting all of them share. */
@NullMarked
package org.mtb.support.json;

import org.jspecify.annotations.NullMarked;
