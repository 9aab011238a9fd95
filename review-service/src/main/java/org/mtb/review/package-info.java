/** review-service: opens a review case for every submitted application and records the experts' decision. */
package org.mtb.review;
