/** Events published by review-service. */
package org.mtb.contracts.review;
