package org.mtb.intake.application;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.mtb.contracts.catalog.CatalogDisease;
import org.mtb.contracts.catalog.MaterialRequirement;
import org.mtb.intake.material.StoredMaterial;
import org.mtb.support.web.FieldProblem;

/**
 * Checks the material items of a submission or a supplement against the catalog's rules and the uploads they name,
 * and reports every gap at once (一次性告知): a required item missing, a file that is not the caller's or not of the
 * item's type, a format or size the rule no longer allows, a document too old or from too low a hospital level.
 * Plain Java: the rules, the uploads and the day are handed in.
 */
final class MaterialsCheck {

    static final int MAX_FILES_PER_ITEM = 20;

    /** What was found: field errors of the request's shape, the gaps per item, and the items that passed. */
    record Outcome(List<FieldProblem> problems, List<MaterialGap> gaps, List<MaterialItem> items) {

        boolean passed() {
            return problems.isEmpty() && gaps.isEmpty();
        }
    }

    /** The types a submission must carry: every mandatory one, and those whose condition the application meets. */
    static Set<String> requiredAtSubmission(Map<String, MaterialRequirement> rules, Set<String> conditionsMet) {
        Set<String> required = new HashSet<>();
        rules.values().forEach(rule -> {
            if (rule.requirement() == MaterialRequirement.Requirement.MANDATORY
                    || rule.condition() != null && conditionsMet.contains(rule.condition())) {
                required.add(rule.type());
            }
        });
        return required;
    }

    private final Map<String, MaterialRequirement> rules;
    private final Map<String, StoredMaterial> uploads;
    private final String regionCode;
    private final LocalDate today;
    private final List<FieldProblem> problems = new ArrayList<>();
    private final List<MaterialGap> gaps = new ArrayList<>();

    private MaterialsCheck(Map<String, MaterialRequirement> rules, Map<String, StoredMaterial> uploads,
            String regionCode, LocalDate today) {
        this.rules = rules;
        this.uploads = uploads;
        this.regionCode = regionCode;
        this.today = today;
    }

    /**
     * @param allowed  the rules an item may be given under (a supplement: only the items asked for)
     * @param required the types that must be given, each reported missing under {@code missingRule}
     * @param uploads  the caller's own uploads among those named, by material id
     */
    static Outcome check(@Nullable List<SubmitApplicationRequest.@Nullable MaterialItemRequest> items,
            Map<String, MaterialRequirement> allowed, Set<String> required, String missingRule,
            Map<String, StoredMaterial> uploads, String regionCode, LocalDate today) {
        MaterialsCheck check = new MaterialsCheck(allowed, uploads, regionCode, today);
        List<MaterialItem> passed = new ArrayList<>();
        Set<String> given = new HashSet<>();
        List<SubmitApplicationRequest.@Nullable MaterialItemRequest> sent = items == null ? List.of() : items;
        for (int i = 0; i < sent.size(); i++) {
            MaterialItem item = check.item("materials[" + i + "]", sent.get(i), given);
            if (item != null) {
                passed.add(item);
            }
        }
        for (String type : required) {
            if (!given.contains(type)) {
                MaterialRequirement rule = allowed.get(type);
                boolean conditional = rule != null && rule.condition() != null && "MANDATORY".equals(missingRule);
                check.gap(type, rule == null ? type : rule.name(),
                        conditional ? "CONDITIONAL_" + rule.condition() : missingRule, "MISSING",
                        conditional ? "this item is required for this application (" + rule.condition() + ")"
                                : "this item is required");
            }
        }
        return new Outcome(List.copyOf(check.problems), List.copyOf(check.gaps), List.copyOf(passed));
    }

    /** Checks one item; answers it if it passed every rule. Records its type as given even if it did not. */
    private @Nullable MaterialItem item(String field, SubmitApplicationRequest.@Nullable MaterialItemRequest item,
            Set<String> given) {
        if (item == null || item.type() == null || item.type().isBlank()) {
            problems.add(new FieldProblem(field + ".type", "REQUIRED", "is required"));
            return null;
        }
        String type = item.type();
        if (!given.add(type)) {
            problems.add(new FieldProblem(field + ".type", "DUPLICATE_ITEM",
                    type + " is given twice; put all of its files in one item"));
            return null;
        }
        MaterialRequirement rule = rules.get(type);
        if (rule == null) {
            gap(type, type, "CATALOG", "UNKNOWN_TYPE",
                    "not a material this application takes in region " + regionCode);
            return null;
        }
        int before = gaps.size();
        List<String> ids = item.materialIds() == null ? List.of()
                : item.materialIds().stream().filter(id -> id != null && !id.isBlank()).distinct().toList();
        if (ids.isEmpty()) {
            gap(type, rule.name(), "FILES", "NO_FILES", "name at least one uploaded file (materialIds)");
        } else if (ids.size() > MAX_FILES_PER_ITEM) {
            gap(type, rule.name(), "FILES", "TOO_MANY_FILES", "at most " + MAX_FILES_PER_ITEM + " files per item");
        }
        ids.forEach(id -> file(id, rule));
        freshness(field, item.issuedOn(), rule);
        issuer(field, item.issuer(), rule);
        if (gaps.size() > before) {
            return null;
        }
        var issuer = item.issuer();
        return new MaterialItem(type, rule.name(), ids, item.issuedOn(),
                issuer == null || issuer.name() == null ? null : issuer.name().strip(),
                issuer == null ? null : issuer.level());
    }

    private void file(String id, MaterialRequirement rule) {
        StoredMaterial upload = uploads.get(id);
        if (upload == null) {
            gap(rule.type(), rule.name(), "FILES", "NOT_FOUND", "material " + id + " is not one of this account's uploads");
        } else if (!upload.type().equals(rule.type())) {
            gap(rule.type(), rule.name(), "FILES", "WRONG_TYPE",
                    "material " + id + " was uploaded as " + upload.type() + ", not as " + rule.type());
        } else if (!upload.regionCode().equals(regionCode)) {
            gap(rule.type(), rule.name(), "FILES", "WRONG_REGION",
                    "material " + id + " was uploaded for region " + upload.regionCode());
        } else if (!rule.formats().contains(upload.format())) {
            gap(rule.type(), rule.name(), "FORMATS_" + String.join("_", rule.formats()), "FORMAT_NOT_ALLOWED",
                    "material " + id + " is " + upload.format() + "; allowed: " + String.join(", ", rule.formats()));
        } else if (upload.size() > rule.maxSizeMb() * 1024L * 1024L) {
            gap(rule.type(), rule.name(), "MAX_SIZE_" + rule.maxSizeMb() + "_MB", "TOO_LARGE",
                    "material " + id + " is larger than " + rule.maxSizeMb() + " MB");
        }
    }

    /**
     * A date is kept and sent on to review for any item (review's own rules may read it), so one still to come is
     * refused even where intake's rule needs none, as an issuer's level outside 1-3 is.
     */
    private void freshness(String field, @Nullable LocalDate issuedOn, MaterialRequirement rule) {
        Integer months = rule.freshnessMonths();
        if (months == null) {
            if (issuedOn != null && issuedOn.isAfter(today)) {
                problems.add(new FieldProblem(field + ".issuedOn", "INVALID_VALUE", "must not be after " + today));
            }
            return;
        }
        String ruleName = "FRESHNESS_" + months + "_MONTHS";
        if (issuedOn == null) {
            gap(rule.type(), rule.name(), ruleName, "ISSUE_DATE_REQUIRED",
                    "the date the document was issued (issuedOn) is required: it must be within " + months + " months");
        } else if (issuedOn.isAfter(today)) {
            gap(rule.type(), rule.name(), ruleName, "ISSUE_DATE_IN_FUTURE", "issuedOn " + issuedOn + " is after today");
        } else if (issuedOn.isBefore(today.minusMonths(months))) {
            gap(rule.type(), rule.name(), ruleName, "TOO_OLD",
                    "issued on " + issuedOn + "; it must be issued on or after " + today.minusMonths(months));
        }
    }

    private void issuer(String field, SubmitApplicationRequest.@Nullable IssuerRequest issuer,
            MaterialRequirement rule) {
        if (issuer != null && issuer.level() != null && (issuer.level() < 1 || issuer.level() > 3)) {
            problems.add(new FieldProblem(field + ".issuer.level", "INVALID_VALUE", "must be 1, 2 or 3"));
            return;
        }
        Integer minimum = rule.minHospitalLevel();
        if (minimum == null) {
            return;
        }
        String ruleName = "MIN_HOSPITAL_LEVEL_" + minimum;
        if (issuer == null || issuer.level() == null || issuer.name() == null || issuer.name().isBlank()) {
            gap(rule.type(), rule.name(), ruleName, "ISSUER_REQUIRED",
                    "the issuing hospital's name and level (issuer) are required: level " + minimum + " or above");
        } else if (issuer.level() < minimum) {
            gap(rule.type(), rule.name(), ruleName, "ISSUER_LEVEL_TOO_LOW",
                    "issued by a level-" + issuer.level() + " hospital; level " + minimum + " or above is required");
        }
    }

    private void gap(String type, String name, String rule, String problem, String detail) {
        gaps.add(new MaterialGap(type, name, rule, problem, detail));
    }
}
