package org.mtb.intake.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import com.mongodb.MongoSocketReadException;
import com.mongodb.ServerAddress;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.data.mongodb.core.MongoTemplate;

class CatalogHealthIndicatorTests {

    private final MongoTemplate mongo = mock(MongoTemplate.class);
    private final CatalogHealthIndicator indicator = new CatalogHealthIndicator(new CatalogCopy(mongo));

    @Test
    void outOfServiceUntilARegionsCatalogIsHeldThenUpWithTheirNumber() {
        given(mongo.estimatedCount(RegionCatalog.class)).willReturn(0L);

        Health before = indicator.health();

        assertThat(before.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        assertThat(before.getDetails()).containsEntry("regions", 0)
                .containsEntry("reason", "no regional catalog received from catalog-service yet");

        given(mongo.estimatedCount(RegionCatalog.class)).willReturn(3L);

        Health after = indicator.health();

        assertThat(after.getStatus()).isEqualTo(Status.UP);
        assertThat(after.getDetails()).containsEntry("regions", 3L);
    }

    @Test
    void downWhenTheCatalogsCannotBeCounted() {
        given(mongo.estimatedCount(RegionCatalog.class))
                .willThrow(new MongoSocketReadException("closed", new ServerAddress()));

        assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
    }
}
