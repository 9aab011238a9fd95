package org.mtb.notification.message;

/**
 * What a message tells the applicant. A decision, and the settling of an objection to it, are split by outcome because
 * the app shows them differently; the names are stable API values.
 */
enum EventType {
    APPLICATION_SUBMITTED("submitted"),
    APPLICATION_APPROVED("approved"),
    APPLICATION_REJECTED("rejected"),
    SUPPLEMENT_REQUESTED("supplement-requested"),
    SUPPLEMENT_LAPSED("supplement-lapsed"),
    APPLICATION_WITHDRAWN("withdrawn"),
    REVIEW_EXTENDED("review-extended"),
    PUBLIC_NOTICE_STARTED("public-notice-started"),
    OBJECTION_RAISED("objection-raised"),
    OBJECTION_UPHELD("objection-upheld"),
    OBJECTION_DISMISSED("objection-dismissed"),
    QUALIFICATION_GRANTED("qualification-granted"),
    QUALIFICATION_REVOKED("qualification-revoked"),
    RECHECK_DUE("recheck-due"),
    QUALIFICATION_EXPIRED("qualification-expired");

    private final String templateKey;

    EventType(String templateKey) {
        this.templateKey = templateKey;
    }

    /** The prefix of this type's entries in the template file. */
    String templateKey() {
        return templateKey;
    }
}
