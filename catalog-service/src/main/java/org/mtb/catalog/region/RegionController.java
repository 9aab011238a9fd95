package org.mtb.catalog.region;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mtb.contracts.DiseaseCategory;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The lists in force, today in the regions' time zone or on the day given in {@code at}. */
@RestController
@RequestMapping(path = "/api/v1/regions", produces = MediaType.APPLICATION_JSON_VALUE)
class RegionController {

    private final RegionCatalog catalog;

    RegionController(RegionCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping
    List<RegionView> regions(@RequestParam(required = false) @Nullable String at) {
        return catalog.allInForce(day(at)).stream().map(RegionView::of).toList();
    }

    @GetMapping("/{regionCode}")
    RegionView region(@PathVariable String regionCode, @RequestParam(required = false) @Nullable String at) {
        return RegionView.of(inForce(regionCode, at));
    }

    @GetMapping("/{regionCode}/diseases")
    RegionDiseasesView diseases(@PathVariable String regionCode,
            @RequestParam(required = false) @Nullable DiseaseCategory category,
            @RequestParam(required = false) @Nullable String at) {
        return RegionDiseasesView.of(inForce(regionCode, at), category);
    }

    @GetMapping("/{regionCode}/diseases/{code}")
    DiseaseView disease(@PathVariable String regionCode, @PathVariable String code,
            @RequestParam(required = false) @Nullable String at) {
        RegionVersion region = inForce(regionCode, at);
        return region.diseases().stream().filter(d -> d.code().equals(code)).findFirst().map(DiseaseView::of)
                .orElseThrow(() -> RegionProblems.diseaseNotFound(region, code));
    }

    /** The rules of the version in force: time limits, supplement, notice, effective date, materials, pay, review. */
    @GetMapping("/{regionCode}/policy")
    PolicyView policy(@PathVariable String regionCode, @RequestParam(required = false) @Nullable String at) {
        RegionVersion region = inForce(regionCode, at);
        if (region.policy() == null) {
            throw RegionProblems.policyNotFound(region);
        }
        return PolicyView.of(region);
    }

    private RegionVersion inForce(String regionCode, @Nullable String at) {
        RegionCodes.requireWellFormed(regionCode);
        LocalDate day = day(at);
        return catalog.inForce(regionCode, day).orElseThrow(() -> RegionProblems.regionNotFound(regionCode, day));
    }

    private LocalDate day(@Nullable String at) {
        if (at == null) {
            return catalog.today();
        }
        try {
            return LocalDate.parse(at);
        } catch (DateTimeParseException e) {
            throw RegionProblems.invalidDate();
        }
    }
}
