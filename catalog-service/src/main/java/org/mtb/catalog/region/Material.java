package org.mtb.catalog.region;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mtb.contracts.catalog.MaterialRequirement;

/**
 * One material an application must or may carry, as a region's version states it, with its source.
 *
 * @param type stable code, e.g. {@code ID_CARD}; unique within the region's materials and a disease's additions
 * @param condition when a {@code CONDITIONAL} material is needed, e.g. {@code AGENT_APPLICATION}; null otherwise
 * @param freshnessMonths the document must be dated within this many months; null if the source states no period
 * @param minHospitalLevel the lowest level of the issuing hospital; null if the source names none
 */
record Material(
        String type,
        String name,
        MaterialRequirement.Requirement requirement,
        @Nullable String condition,
        @Nullable Integer freshnessMonths,
        @Nullable Integer minHospitalLevel,
        List<String> formats,
        Integer maxSizeMb,
        String source) {

    MaterialRequirement toContract() {
        return new MaterialRequirement(type, name, requirement, condition, freshnessMonths, minHospitalLevel,
                List.copyOf(formats), maxSizeMb);
    }
}
