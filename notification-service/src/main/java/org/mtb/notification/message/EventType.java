package org.mtb.notification.message;

/**
 * What a message tells the applicant. A decision is split by outcome because the app shows approval and
 * rejection differently; the names are stable API values.
 */
enum EventType {
    APPLICATION_SUBMITTED("submitted"),
    APPLICATION_APPROVED("approved"),
    APPLICATION_REJECTED("rejected"),
    SUPPLEMENT_REQUESTED("supplement-requested"),
    SUPPLEMENT_LAPSED("supplement-lapsed"),
    APPLICATION_WITHDRAWN("withdrawn");

    private final String templateKey;

    EventType(String templateKey) {
        this.templateKey = templateKey;
    }

    /** The prefix of this type's entries in the template file. */
    String templateKey() {
        return templateKey;
    }
}
