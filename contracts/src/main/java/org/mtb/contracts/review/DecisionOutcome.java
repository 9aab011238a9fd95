package org.mtb.contracts.review;

/** The experts' verdict on an application. */
public enum DecisionOutcome {
    APPROVED,
    REJECTED
}
