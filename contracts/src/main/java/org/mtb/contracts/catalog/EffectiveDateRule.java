package org.mtb.contracts.catalog;

/** When an approved qualification starts to pay (待遇享受起始). */
public enum EffectiveDateRule {
    /** From the moment of approval. */
    ON_APPROVAL,
    /** From the start of the day of approval. */
    DAY_OF_APPROVAL,
    /** From the day after approval. */
    DAY_AFTER_APPROVAL,
    /** From the day after the public notice (公示) ends without an objection. */
    AFTER_PUBLIC_NOTICE
}
