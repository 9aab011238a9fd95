package org.mtb.catalog.region;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * At start, stores every region version of the data files that is not stored yet, then announces the
 * versions in force. An invalid file stops the start: serving a list known to be wrong is worse than none.
 */
@Component
class RegionLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(RegionLoader.class);

    private final Regions regions;
    private final CatalogAnnouncer announcer;
    private final JsonMapper json;
    private final Clock clock;
    private final CatalogProperties properties;

    RegionLoader(Regions regions, CatalogAnnouncer announcer, JsonMapper json, Clock clock,
            CatalogProperties properties) {
        this.regions = regions;
        this.announcer = announcer;
        this.json = json;
        this.clock = clock;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<RegionFile> files = RegionFiles.load(properties.regionFiles(), json);
        for (RegionFile file : files) {
            store(file);
        }
        announcer.announceVersionsInForce();
    }

    /** A stored version is immutable: what was published under a version number must stay what it was. */
    private void store(RegionFile file) {
        String id = RegionVersion.id(file.regionCode(), file.version());
        Optional<RegionVersion> stored = regions.find(id);
        if (stored.isPresent()) {
            if (!stored.get().content().equals(file)) {
                log.warn("The file of region {} version {} differs from the stored version, which stays as it is; "
                        + "give the change a new version", file.regionCode(), file.version());
            }
            return;
        }
        try {
            regions.insert(RegionVersion.of(file, clock.instant(), null));
            log.info("Stored region {} {} version {} effective {}: {} of {} declared diseases listed",
                    file.regionCode(), file.regionName(), file.version(), file.effectiveFrom(), file.diseases().size(),
                    file.declaredDiseaseCount().total());
        } catch (DuplicateKeyException storedByAnotherInstance) {
            log.info("Region {} version {} was stored by another instance", file.regionCode(), file.version());
        }
    }
}
