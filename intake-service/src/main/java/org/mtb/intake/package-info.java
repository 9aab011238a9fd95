/** intake-service: takes applications from the channels, validates them, numbers them and tracks their progress. */
@NullMarked
package org.mtb.intake;

import org.jspecify.annotations.NullMarked;
