package org.mtb.intake.material;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.mtb.contracts.catalog.CatalogDisease;
import org.mtb.contracts.catalog.MaterialRequirement;
import org.mtb.intake.catalog.RegionCatalog;

/** Finds what a region's catalog requires of a material type: its formats and size limit. */
final class MaterialRequirements {

    private MaterialRequirements() {
    }

    /**
     * The requirement of the type among the region's materials and, given a disease, that disease's additional ones
     * ({@link MaterialRequirement#byType}: a disease may state a material of the region's list with other formats or
     * limits).
     */
    static MaterialRequirement of(RegionCatalog region, String type, @Nullable String diseaseCode) {
        String where = "region " + region.regionCode();
        CatalogDisease disease = null;
        if (diseaseCode != null) {
            disease = region.disease(diseaseCode)
                    .orElseThrow(() -> MaterialProblems.diseaseNotListed(diseaseCode, region.regionCode()));
            where += " and disease " + diseaseCode;
        }
        Map<String, MaterialRequirement> materials = MaterialRequirement.byType(
                region.policy() == null ? List.of() : region.policy().materials(), disease);
        String named = where;
        MaterialRequirement found = materials.get(type);
        if (found == null) {
            throw MaterialProblems.typeUnknown(type, named, List.copyOf(materials.keySet()));
        }
        return found;
    }
}
