package org.mtb.catalog.region;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.mtb.support.web.FieldProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Stores a new version of a region sent to the import endpoint, checked by the same rules as the data files.
 * A version may take effect today or later, never in the past: a past date would rewrite what already applied
 * to applications decided under the version then in force. Today is the date in the catalog's time zone, the
 * one that decides which version is in force.
 */
@Service
class VersionImporter {

    private static final Logger log = LoggerFactory.getLogger(VersionImporter.class);

    private final Regions regions;
    private final RegionCatalog catalog;
    private final CatalogAnnouncer announcer;
    private final Clock clock;

    VersionImporter(Regions regions, RegionCatalog catalog, CatalogAnnouncer announcer, Clock clock) {
        this.regions = regions;
        this.catalog = catalog;
        this.announcer = announcer;
        this.clock = clock;
    }

    /**
     * @return the stored version, announced already when it takes effect today
     * @throws org.mtb.support.web.ApiException 400 {@code INVALID_CATALOG_VERSION} with every problem, or 409
     *         {@code VERSION_EXISTS}
     */
    RegionVersion importVersion(String regionCode, RegionFile file, String importedBy) {
        RegionCodes.requireWellFormed(regionCode);
        LocalDate today = catalog.today();
        List<FieldProblem> problems = new ArrayList<>(RegionFileValidator.problems(file));
        if (file.regionCode() != null && !file.regionCode().equals(regionCode)) {
            problems.add(new FieldProblem("regionCode", FieldChecks.INCONSISTENT,
                    "is " + file.regionCode() + " but the path names region " + regionCode));
        }
        if (file.effectiveFrom() != null && file.effectiveFrom().isBefore(today)) {
            problems.add(new FieldProblem("effectiveFrom", FieldChecks.IN_THE_PAST, "is before today, " + today
                    + ": a new version takes effect today or later, as one in the past would rewrite what applied"));
        }
        if (!problems.isEmpty()) {
            throw RegionProblems.invalidVersion(problems);
        }
        String id = RegionVersion.id(regionCode, file.version());
        if (regions.find(id).isPresent()) {
            throw RegionProblems.versionExists(regionCode, file.version());
        }
        RegionVersion version = RegionVersion.of(file, clock.instant(), importedBy);
        try {
            regions.insert(version);
        } catch (DuplicateKeyException storedMeanwhile) {
            throw RegionProblems.versionExists(regionCode, file.version());
        }
        log.info("Imported region {} version {} effective {}: {} of {} declared diseases listed", regionCode,
                file.version(), file.effectiveFrom(), file.diseases().size(), file.declaredDiseaseCount().total());
        if (file.effectiveFrom().isAfter(today)) {
            return version;
        }
        announceNow(version);
        return regions.find(id).orElse(version);
    }

    /** The version is stored whatever happens here; the announcer's schedule retries what fails now. */
    private void announceNow(RegionVersion version) {
        try {
            announcer.announceVersionsInForce();
        } catch (RuntimeException e) {
            log.warn("Region {} version {} is stored but could not be announced now; the schedule retries: {}",
                    version.regionCode(), version.version(), e.toString());
        }
    }
}
