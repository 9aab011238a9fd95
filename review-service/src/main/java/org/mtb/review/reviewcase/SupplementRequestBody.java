package org.mtb.review.reviewcase;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.mtb.contracts.catalog.MaterialRequirement;
import org.mtb.contracts.review.SupplementItem;
import org.mtb.support.web.FieldProblem;

/**
 * What a reviewer asks the applicant to supplement (补正): every item at once, each a material type of the region's
 * catalog for the case's disease, with the reason in the reviewer's words.
 */
record SupplementRequestBody(@Nullable List<@Nullable Item> items) {

    static final int MAX_ITEMS = 30;
    static final int MAX_REASON = 200;

    record Item(@Nullable String type, @Nullable String reason) {
    }

    /** The items as the event carries them, each named as the catalog names it; or every problem found. */
    List<SupplementItem> checked(Map<String, MaterialRequirement> catalog, List<FieldProblem> problems) {
        if (items == null || items.isEmpty() || items.size() > MAX_ITEMS) {
            problems.add(new FieldProblem("items", "REQUIRED", "name 1 to " + MAX_ITEMS + " items, all at once"));
            return List.of();
        }
        List<SupplementItem> checked = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            String field = "items[" + i + "]";
            if (item == null || item.type() == null || item.type().isBlank()) {
                problems.add(new FieldProblem(field + ".type", "REQUIRED", "is required"));
                continue;
            }
            MaterialRequirement rule = catalog.get(item.type());
            if (rule == null) {
                problems.add(new FieldProblem(field + ".type", "UNKNOWN_MATERIAL_TYPE", item.type()
                        + " is not a material of this case's region and disease; known: " + String.join(", ",
                                catalog.keySet())));
            } else if (!seen.add(item.type())) {
                problems.add(new FieldProblem(field + ".type", "DUPLICATE_ITEM", item.type() + " is named twice"));
            }
            String reason = item.reason() == null ? "" : item.reason().strip();
            if (reason.isEmpty() || reason.codePointCount(0, reason.length()) > MAX_REASON) {
                problems.add(new FieldProblem(field + ".reason", "REQUIRED",
                        "say what is missing or wrong, in 1 to " + MAX_REASON + " characters"));
            } else if (rule != null) {
                checked.add(new SupplementItem(rule.type(), rule.name(), reason));
            }
        }
        return checked;
    }
}
