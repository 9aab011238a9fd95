package org.mtb.review.policy;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.mtb.contracts.catalog.CatalogPublished;
import org.mtb.support.cache.HeldCopies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/** Keeps the newest catalog of each region and tells the rest of the service when one changed. */
@Service
public class RegionPolicies {

    private static final Logger log = LoggerFactory.getLogger(RegionPolicies.class);

    private final MongoTemplate mongo;
    private final ApplicationEventPublisher events;
    private final MeterRegistry meters;
    private final MultiGauge versionsInForce;
    private final HeldCopies<String, Optional<PolicyCopy>> held;

    public RegionPolicies(MongoTemplate mongo, ApplicationEventPublisher events, MeterRegistry meters, Clock clock,
            @Value("${review.policy-cache-ttl}") Duration cacheTtl) {
        this.mongo = mongo;
        // A region without a copy is held too: review's regions are those of intake's applications.
        this.held = new HeldCopies<>(cacheTtl,
                (regionCode, old) -> Optional.ofNullable(mongo.findById(regionCode, PolicyCopy.class)),
                clock);
        this.events = events;
        this.meters = meters;
        this.versionsInForce = MultiGauge.builder("review.catalog.version.in.force")
                .description("1 for the catalog version review applies to new cases, per region").register(meters);
    }

    /**
     * The region's copy, as read at most {@code review.policy-cache-ttl} ago, by one caller while the others use the
     * copy held (a case is opened many times a second).
     */
    public Optional<PolicyCopy> find(String regionCode) {
        return Objects.requireNonNull(held.get(regionCode));
    }

    /**
     * Stores the catalog unless the copy is as new or newer. The condition and the write are one upsert: an
     * older or repeated event finds no matching copy, tries to insert one with the region's id, and is refused. Either
     * way the region's deadlines are then reconciled with the copy.
     */
    public void apply(CatalogPublished event) {
        Query olderCopy = Query.query(where("_id").is(event.regionCode()).and("occurredAt").lt(event.occurredAt()));
        Update replace = new Update().set("version", event.version()).set("effectiveFrom", event.effectiveFrom() == null ? null : event.effectiveFrom().toString())
                .set("policy", event.policy()).set("diseases", event.diseases()).set("eventId", event.eventId().toString())
                .set("occurredAt", event.occurredAt()).set("regionName", event.regionName());
        try {
            mongo.upsert(olderCopy, replace, PolicyCopy.class);
            log.info("Region {} catalog version {} applies to new cases{}", event.regionCode(), event.version(),
                    event.policy() == null ? " (it carries no policy: cases get no deadline until one arrives)" : "");
            held.forget(event.regionCode());
            refreshMetrics();
        } catch (DuplicateKeyException sameOrOlder) {
            meters.counter("review.events.duplicates").increment();
            log.debug("Catalog event {} of region {} is not newer than the copy", event.eventId(),
                    event.regionCode());
        }
        // Told even when the copy was stored before: cases opened without a deadline may not have got one then.
        events.publishEvent(new RegionPolicyChanged(event.regionCode()));
    }

    @Scheduled(fixedDelayString = "${review.metrics-refresh-interval}")
    void refreshMetrics() {
        List<PolicyCopy> copies = mongo.findAll(PolicyCopy.class);
        versionsInForce.register(copies.stream()
                .map(copy -> MultiGauge.Row.of(Tags.of("region", copy.regionCode(), "version", copy.version()), 1))
                .toList(), true);
    }
}
