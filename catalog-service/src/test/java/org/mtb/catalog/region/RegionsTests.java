package org.mtb.catalog.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mtb.stack.EmbeddedMongo;
import org.mtb.support.outbox.OutboxEntry;
import org.mtb.support.outbox.PendingOutbox;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.mongodb.test.autoconfigure.DataMongoTest;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/** A stored version reads back with every value of its file, policy and materials included, and only once. */
// Closed after the class while the Mongo server, which lives as long as the JVM, still answers.
@DirtiesContext
@DataMongoTest
class RegionsTests {

    static final EmbeddedMongo MONGO = EmbeddedMongo.inMemory();

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MONGO.uri("mtb_catalog_regions"));
    }

    @Autowired
    MongoTemplate mongo;

    Regions regions;

    @BeforeEach
    void emptyCollection() {
        mongo.dropCollection(RegionVersion.class);
        regions = new Regions(mongo, new PendingOutbox(mongo, Clock.systemUTC()));
    }

    @Test
    void readsEveryShippedVersionBackAsItsFile() {
        for (RegionFile file : RegionFiles.load("classpath:catalog/regions/*.json", JsonMapper.builder().build())) {
            regions.insert(RegionVersion.of(file, Instant.EPOCH, null));

            RegionVersion stored = regions.find(RegionVersion.id(file.regionCode(), file.version())).orElseThrow();

            assertThat(stored.content()).isEqualTo(file);
            assertThat(stored.policy().toContract()).isEqualTo(file.policy().toContract());
        }
    }

    @Test
    void marksAnAnnouncedVersionForTheRelayAndDropsTheEarlierVersionsEventStillWaiting() {
        RegionVersion first = RegionFixtures.stored(RegionFixtures.file());
        regions.insert(first);
        regions.announce(first.id(), event("first"), Instant.parse("2026-11-01T00:00:00Z"));
        RegionVersion second = RegionFixtures.stored(RegionFixtures.file("2026.2", java.time.LocalDate.of(2026, 11, 30),
                RegionFixtures.diseases(), RegionFixtures.policy()));
        regions.insert(second);

        regions.announce(second.id(), event("second"), Instant.parse("2026-11-30T00:00:00Z"));

        assertThat(regions.find(first.id()).orElseThrow().outbox()).as("superseded before it was sent").isEmpty();
        assertThat(regions.find(second.id()).orElseThrow().outbox()).extracting(OutboxEntry::eventId)
                .containsExactly("second");
        assertThat(mongo.findAll(org.bson.Document.class, "outbox_pending"))
                .flatExtracting(mark -> mark.getList("documentIds", Object.class)).contains(first.id(), second.id());
    }

    @Test
    void refusesToStoreAVersionTwice() {
        RegionVersion version = RegionFixtures.stored(RegionFixtures.file());
        regions.insert(version);

        assertThatThrownBy(() -> regions.insert(version)).isInstanceOf(DuplicateKeyException.class);
        assertThat(regions.all()).hasSize(1);
    }

    private static OutboxEntry event(String id) {
        return new OutboxEntry(id, "catalog.catalog-published", "659006", "{}", Instant.EPOCH);
    }
}
