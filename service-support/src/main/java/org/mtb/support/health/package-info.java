/** Health checks that the embedded MongoDB server answers as honestly as a real one. */
@NullMarked
package org.mtb.support.health;

import org.jspecify.annotations.NullMarked;
