/**
 * Review's own copy of every region's policy (time limits, supplement rule, notice, effective date), fed by
 * {@code CatalogPublished}, so that review never calls the catalog to open a case.
 */
@NullMarked
package org.mtb.review.policy;

import org.jspecify.annotations.NullMarked;
