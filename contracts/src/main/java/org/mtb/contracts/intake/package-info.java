/** Events published by intake-service. */
@NullMarked
package org.mtb.contracts.intake;

import org.jspecify.annotations.NullMarked;
