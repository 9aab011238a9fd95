package org.mtb.review.reviewcase;

/** A case is open until the experts decide it. */
enum CaseStatus {
    OPEN,
    APPROVED,
    REJECTED
}
