package org.mtb.review.policy;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.mtb.contracts.catalog.RegionPolicy;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The newest catalog received for a region.
 *
 * @param effectiveFrom an ISO date kept as text, so that it cannot shift with the writing JVM's time zone
 * @param policy null when the catalog came as a schema-1 event, which carried no policy
 * @param occurredAt when the catalog published it; an event older than the copy changes nothing
 */
@Document(PolicyCopy.COLLECTION)
public record PolicyCopy(
        @Id String regionCode,
        String version,
        @Nullable String effectiveFrom,
        @Nullable RegionPolicy policy,
        String eventId,
        Instant occurredAt) {

    static final String COLLECTION = "region_policies";
}
