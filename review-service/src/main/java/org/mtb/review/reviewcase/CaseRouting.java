package org.mtb.review.reviewcase;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mtb.contracts.catalog.ReviewRules;
import org.mtb.contracts.intake.Hospital;

/**
 * Where a case is reviewed, by the region's routing when it opened: the bureau's experts, the diagnosing institution
 * where the region delegates review to institutions of a level (Liupanshui: 二级及以上), or an institution the bureau
 * commissioned (Jiuquan: 委托医疗机构); and by how many experts (a panel, 医学鉴定, for the diseases the region names).
 *
 * @param institution the institution whose reviewers decide it; null for the bureau's own
 * @param panelSize how many reviewers must agree; 1 for one reviewer's decision
 * @param note why a case of a delegating region stayed with the bureau; null otherwise
 */
record CaseRouting(ReviewRules.Reviewers reviewers, @Nullable String institution, int panelSize,
        @Nullable String note) {

    /**
     * The routing of a case by the region's; null where the region states none (a catalog before routing), and then
     * a reviewer narrowed to an institution reviews the cases that institution diagnosed, as before routing.
     */
    static @Nullable CaseRouting of(ReviewRules.@Nullable Routing routing, String applicationNumber,
            String diseaseCode, Hospital hospital) {
        if (routing == null) {
            return null;
        }
        int panel = routing.panelDiseases().contains(diseaseCode) ? Math.max(1, routing.panelSize()) : 1;
        return switch (routing.reviewers()) {
            case BUREAU -> new CaseRouting(ReviewRules.Reviewers.BUREAU, null, panel, null);
            case DIAGNOSING_INSTITUTION -> {
                Integer minimum = routing.minimumHospitalLevel();
                if (hospital.code() == null) {
                    yield new CaseRouting(ReviewRules.Reviewers.BUREAU, null, panel,
                            "the diagnosing hospital sent no institution code");
                }
                if (minimum != null && hospital.level() < minimum) {
                    yield new CaseRouting(ReviewRules.Reviewers.BUREAU, null, panel,
                            "the diagnosing hospital's level " + hospital.level() + " is below " + minimum);
                }
                yield new CaseRouting(ReviewRules.Reviewers.DIAGNOSING_INSTITUTION, hospital.code(), panel, null);
            }
            case COMMISSIONED_INSTITUTION -> {
                List<ReviewRules.Institution> commissioned = routing.commissioned();
                if (commissioned.isEmpty()) {
                    yield new CaseRouting(ReviewRules.Reviewers.BUREAU, null, panel,
                            "the region names no commissioned institution");
                }
                ReviewRules.Institution chosen = commissioned.get(
                        Math.floorMod(applicationNumber.hashCode(), commissioned.size()));
                yield new CaseRouting(ReviewRules.Reviewers.COMMISSIONED_INSTITUTION, chosen.code(), panel, null);
            }
        };
    }
}
