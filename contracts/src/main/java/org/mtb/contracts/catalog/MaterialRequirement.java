package org.mtb.contracts.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One material an application must or may carry.
 *
 * @param type stable code, e.g. {@code ID_CARD}, {@code DIAGNOSIS_CERTIFICATE}
 * @param name what the applicant is shown, in Chinese
 * @param condition when a {@link Requirement#CONDITIONAL} material is needed, e.g. {@code AGENT_APPLICATION};
 *        null for a mandatory one
 * @param freshnessMonths the document must be dated within this many months; null if any date will do
 * @param minHospitalLevel the issuing hospital's level must be at least this; null if any issuer will do
 * @param formats allowed file formats, e.g. JPG, PNG, PDF
 * @param maxSizeMb the largest file accepted
 */
public record MaterialRequirement(
        String type,
        String name,
        Requirement requirement,
        @Nullable String condition,
        @Nullable Integer freshnessMonths,
        @Nullable Integer minHospitalLevel,
        List<String> formats,
        int maxSizeMb) {

    /**
     * The materials an application of this disease may carry, by type: the region's, then the disease's own, which
     * replace a region material of the same type (a disease may state it with other formats or limits).
     */
    public static Map<String, MaterialRequirement> byType(List<MaterialRequirement> region,
            @Nullable CatalogDisease disease) {
        Map<String, MaterialRequirement> byType = new LinkedHashMap<>();
        region.forEach(material -> byType.put(material.type(), material));
        if (disease != null) {
            disease.additionalMaterials().forEach(material -> byType.put(material.type(), material));
        }
        return byType;
    }

    public enum Requirement {
        MANDATORY,
        CONDITIONAL
    }
}
