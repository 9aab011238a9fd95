/** MongoDB writes every service makes the same way. */
@NullMarked
package org.mtb.support.mongo;

import org.jspecify.annotations.NullMarked;
