package org.mtb.catalog.region;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.mtb.support.outbox.OutboxEntry;
import org.mtb.support.outbox.PendingOutbox;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The stored region versions. */
@Component
class Regions {

    private final MongoTemplate mongo;
    private final PendingOutbox pendingOutbox;

    Regions(MongoTemplate mongo, PendingOutbox pendingOutbox) {
        this.mongo = mongo;
        this.pendingOutbox = pendingOutbox;
    }

    List<RegionVersion> all() {
        return mongo.findAll(RegionVersion.class);
    }

    List<RegionVersion> ofRegion(String regionCode) {
        return mongo.find(Query.query(where("regionCode").is(regionCode)), RegionVersion.class);
    }

    Optional<RegionVersion> find(String id) {
        return Optional.ofNullable(mongo.findById(id, RegionVersion.class));
    }

    /** @throws org.springframework.dao.DuplicateKeyException when the version is already stored */
    void insert(RegionVersion version) {
        mongo.insert(version);
    }

    /**
     * Marks a version announced and puts its event into its outbox in one single-document write; does nothing
     * if it was announced already, so two instances never announce one version twice.
     *
     * @return whether this call announced it
     */
    boolean announce(String id, OutboxEntry event, Instant at) {
        Query notYetAnnounced = Query.query(where("_id").is(id).and("announcedAt").exists(false));
        boolean announced = mongo.updateFirst(notYetAnnounced, new Update().set("announcedAt", at)
                .push("outbox", event), RegionVersion.class).getMatchedCount() == 1;
        if (announced) {
            dropSuperseded(event.key(), id);
            pendingOutbox.mark(RegionVersion.COLLECTION, List.of(id));
        }
        return announced;
    }

    /**
     * An earlier version's catalog event still waiting (Kafka down, or refused and parked) is superseded by the new
     * one: sent after it, it would be the region's last word on the compacted topic. The relay keeps the order of
     * one document's events only, and each version is a document of its own.
     */
    private void dropSuperseded(String regionCode, String announcedId) {
        Query earlier = Query.query(where("regionCode").is(regionCode).and("_id").ne(announcedId)
                .and("outbox.eventId").exists(true));
        mongo.updateMulti(earlier, new Update().set("outbox", List.of()), RegionVersion.class);
    }
}
