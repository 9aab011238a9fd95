package org.mtb.catalog.region;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mtb.contracts.catalog.CatalogPublished;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The catalog each shipped region file publishes, kept as a golden file in {@code contracts} (test resources,
 * {@code catalogs/<region>.json}), so that the other services' flow tests run on the regions as shipped rather than on
 * catalogs of their own making. A change of a region file fails here until the snapshot is written again:
 * {@code ./mvnw -pl catalog-service test -Dtest=ShippedCatalogSnapshotTests -Dcatalog.snapshot.write=true}.
 */
class ShippedCatalogSnapshotTests {

    private static final Path SNAPSHOTS = Path.of("..", "contracts", "src", "test", "resources", "catalogs");
    private final JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @Test
    void eachShippedRegionPublishesItsSnapshot() throws IOException {
        boolean write = Boolean.getBoolean("catalog.snapshot.write");
        var regions = RegionFiles.load("classpath:catalog/regions/*.json", JsonMapper.builder().build());
        assertThat(regions).hasSize(3);
        for (RegionFile region : regions) {
            CatalogPublished published = new CatalogPublished(
                    UUID.nameUUIDFromBytes((region.regionCode() + "/" + region.version()).getBytes(StandardCharsets.UTF_8)),
                    CatalogPublished.SCHEMA_VERSION, region.effectiveFrom().atStartOfDay().toInstant(ZoneOffset.UTC),
                    region.regionCode(), region.regionName(), region.version(), region.effectiveFrom(),
                    region.acceptedInsuranceTypes(), region.diseases().stream().map(RegionDisease::toContract).toList(),
                    region.policy().toContract());
            String rendered = json.writeValueAsString(published) + "\n";
            Path snapshot = SNAPSHOTS.resolve(region.regionCode() + ".json");
            if (write) {
                Files.createDirectories(SNAPSHOTS);
                Files.writeString(snapshot, rendered);
            }
            assertThat(snapshot).as("snapshot of %s; write it again with -Dcatalog.snapshot.write=true",
                    region.regionCode()).exists();
            assertThat(Files.readString(snapshot)).as("snapshot of %s is the shipped file's catalog; write it again "
                    + "with -Dcatalog.snapshot.write=true", region.regionCode()).isEqualTo(rendered);
        }
    }
}
