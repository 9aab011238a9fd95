/** Events published by review-service. */
@NullMarked
package org.mtb.contracts.review;

import org.jspecify.annotations.NullMarked;
