/** Review cases: opened from submitted applications, listed for reviewers, decided once. */
@NullMarked
package org.mtb.review.reviewcase;

import org.jspecify.annotations.NullMarked;
