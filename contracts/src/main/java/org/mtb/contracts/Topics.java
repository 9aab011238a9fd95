package org.mtb.contracts;

/** Topic names, {@code <producer>.<event-kebab>}; consumer group = service name. */
public final class Topics {

    public static final String APPLICATION_SUBMITTED = "intake.application-submitted";
    public static final String REVIEW_STARTED = "review.review-started";
    public static final String APPLICATION_DECIDED = "review.application-decided";
    /** Compacted, keyed by region code: the newest catalog of each region survives. */
    public static final String CATALOG_PUBLISHED = "catalog.catalog-published";

    private Topics() {
    }

    /** Where a consumer group parks a message it could not process after its retries (the Kafka binder's naming). */
    public static String deadLetter(String topic, String consumerGroup) {
        return "error." + topic + "." + consumerGroup;
    }
}
