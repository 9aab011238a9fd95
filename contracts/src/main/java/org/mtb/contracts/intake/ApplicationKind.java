package org.mtb.contracts.intake;

/** What an application asks for (seeds 000, 001, 002). */
public enum ApplicationKind {
    /** A first qualification for a disease (新申请). */
    NEW,
    /** A change of an existing qualification: the condition changed, or a disease is added (病情变化或新增病种, seed 000). */
    CHANGE,
    /** A renewal of a qualification before its end (续办, seeds 001 and 002). */
    RENEWAL
}
