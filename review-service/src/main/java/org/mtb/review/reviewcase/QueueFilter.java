package org.mtb.review.reviewcase;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mtb.contracts.DiseaseCategory;
import org.mtb.review.sla.SlaState;
import org.mtb.support.security.Caller;
import org.springframework.data.mongodb.core.query.Criteria;

/**
 * What a reviewer narrows the queue to; every value optional.
 *
 * @param claim whose cases: {@code MINE} (held by the caller), {@code UNCLAIMED} (nobody's, or an expired lease's),
 *        {@code OTHERS} (held by another reviewer); null for all
 */
record QueueFilter(@Nullable String regionCode, @Nullable CaseStatus status, @Nullable String diseaseCode,
        @Nullable DiseaseCategory category, @Nullable SlaState slaState, @Nullable ClaimFilter claim) {

    enum ClaimFilter {
        MINE,
        UNCLAIMED,
        OTHERS
    }

    /** The criteria of this filter within the caller's scope; null when the caller may see nothing of it. */
    @Nullable Criteria criteria(Caller caller, Instant now) {
        List<Criteria> all = new ArrayList<>();
        if (regionCode != null) {
            if (!caller.actsIn(regionCode)) {
                return null;
            }
            all.add(Criteria.where("regionCode").is(regionCode));
        } else if (!caller.isNational()) {
            all.add(Criteria.where("regionCode").in(caller.regions()));
        }
        if (caller.institution() != null) {
            all.add(new Criteria().orOperator(Criteria.where("routing.institution").is(caller.institution()),
                    new Criteria().andOperator(Criteria.where("routing").is(null),
                            Criteria.where("hospital.code").is(caller.institution()))));
        }
        if (status != null) {
            all.add(Criteria.where("status").is(status));
        }
        if (diseaseCode != null) {
            all.add(Criteria.where("diseaseCode").is(diseaseCode));
        }
        if (category != null) {
            all.add(Criteria.where("diseaseCategory").is(category));
        }
        if (slaState != null) {
            all.add(Criteria.where("sla.state").is(slaState));
        }
        if (claim != null) {
            all.add(switch (claim) {
                case MINE -> Criteria.where("claim.reviewer").is(caller.username()).and("claim.until").gt(now);
                case OTHERS -> Criteria.where("claim.reviewer").ne(caller.username()).and("claim.until").gt(now);
                case UNCLAIMED -> new Criteria().orOperator(Criteria.where("claim").is(null),
                        Criteria.where("claim.until").lte(now));
            });
        }
        return all.isEmpty() ? new Criteria() : new Criteria().andOperator(all);
    }
}
