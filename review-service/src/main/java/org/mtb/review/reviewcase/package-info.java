/** Review cases: opened from submitted applications, listed for reviewers, decided once. */
package org.mtb.review.reviewcase;
