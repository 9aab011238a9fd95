package org.mtb.intake.material;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mtb.contracts.catalog.MaterialRequirement;
import org.mtb.intake.catalog.RegionCatalog;

/** Finds what a region's catalog requires of a material type: its formats and size limit. */
final class MaterialRequirements {

    private MaterialRequirements() {
    }

    /**
     * The requirement of the type among the region's materials and, given a disease, that disease's additional ones
     * (which come first: a disease may state a material of the region's list with other formats or limits).
     */
    static MaterialRequirement of(RegionCatalog region, String type, @Nullable String diseaseCode) {
        List<MaterialRequirement> materials = new ArrayList<>();
        String where = "region " + region.regionCode();
        if (diseaseCode != null) {
            materials.addAll(region.disease(diseaseCode)
                    .orElseThrow(() -> MaterialProblems.diseaseNotListed(diseaseCode, region.regionCode()))
                    .additionalMaterials());
            where += " and disease " + diseaseCode;
        }
        if (region.policy() != null) {
            materials.addAll(region.policy().materials());
        }
        String named = where;
        return materials.stream().filter(material -> material.type().equals(type)).findFirst()
                .orElseThrow(() -> MaterialProblems.typeUnknown(type, named,
                        materials.stream().map(MaterialRequirement::type).distinct().toList()));
    }
}
