package org.mtb.catalog.region;

import static org.mtb.catalog.region.FieldChecks.DUPLICATE;
import static org.mtb.catalog.region.FieldChecks.INCONSISTENT;
import static org.mtb.catalog.region.FieldChecks.INVALID_FORMAT;
import static org.mtb.catalog.region.FieldChecks.INVALID_VALUE;
import static org.mtb.catalog.region.FieldChecks.OUT_OF_RANGE;
import static org.mtb.catalog.region.FieldChecks.REQUIRED;
import static org.mtb.catalog.region.FieldChecks.isBlank;
import static org.mtb.catalog.region.FieldChecks.missing;
import static org.mtb.catalog.region.FieldChecks.required;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.mtb.contracts.catalog.MaterialRequirement.Requirement;
import org.mtb.support.web.FieldProblem;

/**
 * Checks the materials of a region and the additional ones of its diseases. The bounds here are what the
 * platform can take (file formats it can show, sizes it can store), not policy: the policy values are in the
 * region files.
 */
final class MaterialValidator {

    /** The upload formats the platform accepts; a region may allow fewer. */
    private static final List<String> FORMATS = List.of("JPG", "PNG", "PDF");
    private static final int MAX_SIZE_MB = 50;
    private static final int MAX_FRESHNESS_MONTHS = 120;
    private static final Pattern TYPE = Pattern.compile("[A-Z][A-Z0-9_]*");

    private MaterialValidator() {
    }

    /** The region's own materials: at least one, each type once. */
    static void checkRegion(@Nullable List<Material> materials, List<FieldProblem> problems) {
        if (materials == null || materials.isEmpty()) {
            problems.add(new FieldProblem("policy.materials", REQUIRED, "lists no material"));
            return;
        }
        check(materials, "policy.materials", Map.of(), problems);
    }

    /** A disease's additions: none is fine, but none may repeat a type of the region's own materials. */
    static void checkDisease(List<Material> materials, String field, Map<String, String> regionTypes,
            List<FieldProblem> problems) {
        check(materials, field, regionTypes, problems);
    }

    /** The material types of the region's policy, each with the field that holds it. */
    static Map<String, String> types(@Nullable Policy policy) {
        Map<String, String> types = new HashMap<>();
        if (policy != null && policy.materials() != null) {
            for (int i = 0; i < policy.materials().size(); i++) {
                Material material = policy.materials().get(i);
                if (material != null && !isBlank(material.type())) {
                    types.putIfAbsent(material.type(), "policy.materials[" + i + "]");
                }
            }
        }
        return types;
    }

    private static void check(List<Material> materials, String field, Map<String, String> taken,
            List<FieldProblem> problems) {
        Map<String, String> seen = new HashMap<>(taken);
        for (int i = 0; i < materials.size(); i++) {
            String at = field + "[" + i + "]";
            Material material = materials.get(i);
            if (material == null) {
                problems.add(new FieldProblem(at, REQUIRED, "is empty"));
                continue;
            }
            type(material.type(), at, seen, problems);
            required(problems, at + ".name", material.name());
            requirement(material, at, problems);
            if (material.freshnessMonths() != null
                    && (material.freshnessMonths() < 1 || material.freshnessMonths() > MAX_FRESHNESS_MONTHS)) {
                problems.add(new FieldProblem(at + ".freshnessMonths", OUT_OF_RANGE,
                        "must be 1 to " + MAX_FRESHNESS_MONTHS + " months"));
            }
            FieldChecks.hospitalLevel(problems, at + ".minHospitalLevel", material.minHospitalLevel());
            formats(material.formats(), at + ".formats", problems);
            if (material.maxSizeMb() == null) {
                problems.add(missing(at + ".maxSizeMb"));
            } else if (material.maxSizeMb() < 1 || material.maxSizeMb() > MAX_SIZE_MB) {
                problems.add(new FieldProblem(at + ".maxSizeMb", OUT_OF_RANGE, "must be 1 to " + MAX_SIZE_MB + " MB"));
            }
            required(problems, at + ".source", material.source());
        }
    }

    private static void type(@Nullable String type, String at, Map<String, String> seen, List<FieldProblem> problems) {
        if (isBlank(type)) {
            problems.add(missing(at + ".type"));
        } else if (!TYPE.matcher(type).matches()) {
            problems.add(new FieldProblem(at + ".type", INVALID_FORMAT,
                    "must be upper-case letters, digits and '_', e.g. ID_CARD"));
        } else {
            String first = seen.putIfAbsent(type, at);
            if (first != null) {
                problems.add(new FieldProblem(at + ".type", DUPLICATE, "repeats " + type + " of " + first));
            }
        }
    }

    private static void requirement(Material material, String at, List<FieldProblem> problems) {
        if (material.requirement() == null) {
            problems.add(missing(at + ".requirement"));
        } else if (material.requirement() == Requirement.CONDITIONAL && isBlank(material.condition())) {
            problems.add(new FieldProblem(at + ".condition", REQUIRED, "is required for a CONDITIONAL material"));
        } else if (material.requirement() == Requirement.MANDATORY && material.condition() != null) {
            problems.add(new FieldProblem(at + ".condition", INCONSISTENT, "must be empty for a MANDATORY material"));
        }
    }

    private static void formats(@Nullable List<String> formats, String field, List<FieldProblem> problems) {
        if (formats == null || formats.isEmpty()) {
            problems.add(new FieldProblem(field, REQUIRED, "lists no file format"));
            return;
        }
        for (int i = 0; i < formats.size(); i++) {
            String format = formats.get(i);
            if (format == null || !FORMATS.contains(format)) {
                problems.add(new FieldProblem(field + "[" + i + "]", INVALID_VALUE,
                        "'" + format + "' is not a known format; allowed: " + String.join(", ", FORMATS)));
            }
        }
    }
}
