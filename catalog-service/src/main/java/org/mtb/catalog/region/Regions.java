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
            pendingOutbox.mark(RegionVersion.COLLECTION, List.of(id));
        }
        return announced;
    }
}
