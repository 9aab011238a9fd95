package org.mtb.catalog.region;

import java.net.URI;
import org.mtb.support.security.Caller;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A region's stored versions: a new one is imported whole, in the shape of a region file, and read back by its
 * version. Importing changes what every service applies: only an operator imports, a region operator only for
 * its own region, and the version records who did.
 */
@RestController
@RequestMapping(path = "/api/v1/regions/{regionCode}/versions", produces = MediaType.APPLICATION_JSON_VALUE)
class VersionController {

    private final VersionImporter importer;
    private final Regions regions;

    VersionController(VersionImporter importer, Regions regions) {
        this.importer = importer;
        this.regions = regions;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('OPERATOR')")
    ResponseEntity<VersionView> importVersion(Caller caller, @PathVariable String regionCode,
            @RequestBody RegionFile version) {
        RegionCodes.requireWellFormed(regionCode);
        if (!caller.actsIn(regionCode)) {
            throw RegionProblems.regionOutOfScope(regionCode);
        }
        RegionVersion stored = importer.importVersion(regionCode, version, caller.subject());
        URI location = UriComponentsBuilder.fromPath("/api/v1/regions/{regionCode}/versions/{version}")
                .buildAndExpand(stored.regionCode(), stored.version()).toUri();
        return ResponseEntity.created(location).body(VersionView.of(stored));
    }

    @GetMapping("/{version}")
    VersionView version(@PathVariable String regionCode, @PathVariable String version) {
        RegionCodes.requireWellFormed(regionCode);
        return regions.find(RegionVersion.id(regionCode, version)).map(VersionView::of)
                .orElseThrow(() -> RegionProblems.versionNotFound(regionCode, version));
    }
}
