package org.mtb.catalog.region;

import java.net.URI;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A region's stored versions: a new one is imported whole, in the shape of a region file, and read back by its
 * version. Importing changes what every service applies, so it is an operator endpoint: deploy it behind the
 * bureau's gateway, which lets only authenticated catalog operators reach {@code POST}. This service has no
 * authentication of its own, and the channels must never be routed here.
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
    ResponseEntity<VersionView> importVersion(@PathVariable String regionCode, @RequestBody RegionFile version) {
        RegionVersion stored = importer.importVersion(regionCode, version);
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
