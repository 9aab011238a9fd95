package org.mtb.contracts.catalog;

import java.util.List;
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

    public enum Requirement {
        MANDATORY,
        CONDITIONAL
    }
}
