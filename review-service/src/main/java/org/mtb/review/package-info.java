/** review-service: opens a review case for every submitted application and records the experts' decision. */
@NullMarked
package org.mtb.review;

import org.jspecify.annotations.NullMarked;
