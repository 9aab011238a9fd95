package org.mtb.catalog.region;

import static org.mtb.catalog.region.FieldChecks.DUPLICATE;
import static org.mtb.catalog.region.FieldChecks.INCONSISTENT;
import static org.mtb.catalog.region.FieldChecks.INVALID_FORMAT;
import static org.mtb.catalog.region.FieldChecks.OUT_OF_RANGE;
import static org.mtb.catalog.region.FieldChecks.REQUIRED;
import static org.mtb.catalog.region.FieldChecks.isBlank;
import static org.mtb.catalog.region.FieldChecks.missing;
import static org.mtb.catalog.region.FieldChecks.period;
import static org.mtb.catalog.region.FieldChecks.present;
import static org.mtb.catalog.region.FieldChecks.required;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.mtb.contracts.DiseaseCategory;
import org.mtb.contracts.catalog.ReviewRules.Reviewers;
import org.mtb.contracts.catalog.ReviewTimeLimit;
import org.mtb.support.web.FieldProblem;

/**
 * The checks of who reviews, the instant filing and the designated institutions of {@code policy.review}
 * ({@link ReviewValidator}): each names only what the region has, a disease it lists or a category it decides at once.
 */
final class ReviewRoutingChecks {

    /** The national code of a designated medical institution: H, the 6-digit region, 5 digits. */
    private static final Pattern INSTITUTION_CODE = Pattern.compile("H\\d{11}");
    private static final String FIELD = "policy.review";

    private ReviewRoutingChecks() {
    }

    static void routing(Review.@Nullable Routing routing, List<RegionDisease> diseases, List<FieldProblem> problems) {
        if (routing == null) {
            return;
        }
        String at = FIELD + ".routing";
        present(problems, at + ".reviewers", routing.reviewers());
        FieldChecks.hospitalLevel(problems, at + ".minimumHospitalLevel", routing.minimumHospitalLevel());
        if (routing.reviewers() == Reviewers.BUREAU && routing.minimumHospitalLevel() != null) {
            problems.add(new FieldProblem(at + ".minimumHospitalLevel", INCONSISTENT,
                    "is for an institution that reviews; the bureau's experts have no hospital level"));
        }
        if (routing.reviewers() != null && routing.reviewers() != Reviewers.COMMISSIONED_INSTITUTION
                && !routing.commissioned().isEmpty()) {
            problems.add(new FieldProblem(at + ".commissioned", INCONSISTENT,
                    "is for COMMISSIONED_INSTITUTION only, not " + routing.reviewers()));
        }
        institutions(routing.commissioned(), at + ".commissioned", problems);
        panel(routing, at, diseases, problems);
    }

    /** A panel decides cases of diseases the region lists, each named once, with at least one expert. */
    private static void panel(Review.Routing routing, String at, List<RegionDisease> diseases,
            List<FieldProblem> problems) {
        Set<String> listed = new HashSet<>();
        diseases.stream().filter(d -> d != null && !isBlank(d.code())).forEach(d -> listed.add(d.code()));
        List<String> panel = routing.panelDiseases();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < panel.size(); i++) {
            String code = panel.get(i);
            String codeAt = at + ".panelDiseases[" + i + "]";
            if (isBlank(code)) {
                problems.add(new FieldProblem(codeAt, REQUIRED, "is empty"));
            } else if (!listed.contains(code)) {
                problems.add(new FieldProblem(codeAt, INCONSISTENT, code + " is not a disease this region lists"));
            } else if (!seen.add(code)) {
                problems.add(new FieldProblem(codeAt, DUPLICATE, code + " is named twice"));
            }
        }
        Integer size = routing.panelSize();
        if (size == null) {
            if (!panel.isEmpty()) {
                problems.add(new FieldProblem(at + ".panelSize", REQUIRED, "is required with panelDiseases"));
            }
        } else if (size < 1) {
            problems.add(new FieldProblem(at + ".panelSize", OUT_OF_RANGE, "must be at least 1 expert"));
        } else if (panel.isEmpty()) {
            problems.add(new FieldProblem(at + ".panelSize", INCONSISTENT,
                    "is for panelDiseases; name the diseases a panel decides, or leave panelSize out"));
        }
    }

    /**
     * Only a category the region decides at once (an {@code IMMEDIATE} time limit) is filed at once: any other has
     * a review time limit that an instant filing would bypass.
     */
    static void instantFiling(Review.@Nullable InstantFiling filing, @Nullable List<TimeLimit> limits,
            List<FieldProblem> problems) {
        if (filing == null) {
            return;
        }
        String at = FIELD + ".instantFiling";
        Set<DiseaseCategory> immediate = EnumSet.noneOf(DiseaseCategory.class);
        if (limits != null) {
            limits.stream().filter(l -> l != null && l.category() != null)
                    .filter(l -> l.kind() == ReviewTimeLimit.Kind.IMMEDIATE).forEach(l -> immediate.add(l.category()));
        }
        if (filing.categories().isEmpty()) {
            problems.add(new FieldProblem(at + ".categories", REQUIRED,
                    "names no category; name one, or leave instantFiling out"));
        }
        Set<DiseaseCategory> seen = EnumSet.noneOf(DiseaseCategory.class);
        for (int i = 0; i < filing.categories().size(); i++) {
            DiseaseCategory category = filing.categories().get(i);
            String categoryAt = at + ".categories[" + i + "]";
            if (category == null) {
                problems.add(new FieldProblem(categoryAt, REQUIRED, "is empty"));
            } else if (!seen.add(category)) {
                problems.add(new FieldProblem(categoryAt, DUPLICATE, category + " is named twice"));
            } else if (!immediate.contains(category)) {
                problems.add(new FieldProblem(categoryAt, INCONSISTENT,
                        category + " has no IMMEDIATE time limit here, so it is reviewed, not filed at once"));
            }
        }
        required(problems, at + ".ruleVersion", filing.ruleVersion());
        present(problems, at + ".completeMandatoryMaterials", filing.completeMandatoryMaterials());
        FieldChecks.hospitalLevel(problems, at + ".minimumHospitalLevel", filing.minimumHospitalLevel());
        if (filing.diagnosisWithin() != null) {
            period(problems, at + ".diagnosisWithin", filing.diagnosisWithin());
        }
        present(problems, at + ".postCheck", filing.postCheck());
    }

    static void designatedInstitutions(Review.@Nullable DesignatedInstitutions designated,
            List<FieldProblem> problems) {
        if (designated == null) {
            return;
        }
        String at = FIELD + ".designatedInstitutions";
        if (designated.institutions().isEmpty()) {
            problems.add(new FieldProblem(at + ".institutions", REQUIRED,
                    "names no institution to choose from; name one, or leave designatedInstitutions out"));
        }
        institutions(designated.institutions(), at + ".institutions", problems);
        if (designated.changesPerYear() == null) {
            problems.add(missing(at + ".changesPerYear"));
        } else if (designated.changesPerYear() < 1) {
            problems.add(new FieldProblem(at + ".changesPerYear", OUT_OF_RANGE, "must be at least 1"));
        }
    }

    private static void institutions(List<Review.Institution> institutions, String field,
            List<FieldProblem> problems) {
        Map<String, String> seen = new HashMap<>();
        for (int i = 0; i < institutions.size(); i++) {
            String at = field + "[" + i + "]";
            Review.Institution institution = institutions.get(i);
            if (institution == null) {
                problems.add(new FieldProblem(at, REQUIRED, "is empty"));
                continue;
            }
            if (isBlank(institution.code())) {
                problems.add(missing(at + ".code"));
            } else if (!INSTITUTION_CODE.matcher(institution.code()).matches()) {
                problems.add(new FieldProblem(at + ".code", INVALID_FORMAT,
                        "must be a national institution code: H and 11 digits, e.g. H52020000001"));
            } else {
                String first = seen.putIfAbsent(institution.code(), at);
                if (first != null) {
                    problems.add(new FieldProblem(at + ".code", DUPLICATE,
                            "repeats " + institution.code() + " of " + first));
                }
            }
            required(problems, at + ".name", institution.name());
            present(problems, at + ".level", institution.level());
            FieldChecks.hospitalLevel(problems, at + ".level", institution.level());
        }
    }
}
