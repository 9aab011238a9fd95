package org.mtb.review.sla;

/** Where an open case stands against its deadline. */
public enum SlaState {
    ON_TIME,
    /** The warning share of its working time has elapsed. */
    WARNED,
    /** Its deadline (plus the grace, for a case due at once) has passed undecided. */
    BREACHED
}
