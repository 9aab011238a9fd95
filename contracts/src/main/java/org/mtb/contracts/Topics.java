package org.mtb.contracts;

/** Topic names, {@code <producer>.<event-kebab>}; consumer group = service name. */
public final class Topics {

    public static final String APPLICATION_SUBMITTED = "intake.application-submitted";
    public static final String REVIEW_STARTED = "review.review-started";
    public static final String APPLICATION_DECIDED = "review.application-decided";
    /** Compacted, keyed by region code: the newest catalog of each region survives. */
    public static final String CATALOG_PUBLISHED = "catalog.catalog-published";
    /** Compacted, keyed by region code: the newest working-day calendar of each region survives. */
    public static final String CALENDAR_PUBLISHED = "catalog.calendar-published";
    /** A reviewer returned a case for supplement (补正); the review clock stops. */
    public static final String SUPPLEMENT_REQUESTED = "review.supplement-requested";
    /** The applicant's time to supplement ran out; the case closed without a decision. */
    public static final String SUPPLEMENT_LAPSED = "review.supplement-lapsed";
    /** The applicant supplied every item asked for; the case reopens. */
    public static final String APPLICATION_SUPPLEMENTED = "intake.application-supplemented";
    /** The applicant withdrew an application before its decision. */
    public static final String APPLICATION_WITHDRAWN = "intake.application-withdrawn";
    /** A review case used the warning share of its working time. */
    public static final String SLA_WARNING = "review.sla-warning";
    /** A review case reached its deadline undecided. */
    public static final String SLA_BREACHED = "review.sla-breached";

    /** A supervisor extended a case's deadline in special circumstances. */
    public static final String REVIEW_EXTENDED = "review.review-extended";
    /** An approval entered the region's public notice (公示). */
    public static final String PUBLIC_NOTICE_STARTED = "review.public-notice-started";
    /** Somebody objected to an approval during its public notice. */
    public static final String OBJECTION_RAISED = "review.objection-raised";
    /** A supervisor upheld or dismissed an objection. */
    public static final String OBJECTION_SETTLED = "review.objection-settled";
    /** A qualification took effect. */
    public static final String QUALIFICATION_GRANTED = "review.qualification-granted";
    /** A qualification was revoked. */
    public static final String QUALIFICATION_REVOKED = "review.qualification-revoked";
    /** A qualification's re-check falls due soon. */
    public static final String RECHECK_DUE = "review.recheck-due";
    /** A qualification ended without a renewal. */
    public static final String QUALIFICATION_EXPIRED = "review.qualification-expired";

    private Topics() {
    }

    /** Where a consumer group parks a message it could not process after its retries (the Kafka binder's naming). */
    public static String deadLetter(String topic, String consumerGroup) {
        return "error." + topic + "." + consumerGroup;
    }
}
