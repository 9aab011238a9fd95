package org.mtb.catalog.region;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mtb.contracts.DiseaseCategory;
import org.mtb.contracts.catalog.Period;
import org.mtb.contracts.catalog.ReviewRules;

/**
 * How a region's cases are reviewed, as one version states it, each value with its source. Each optional rule has
 * a source even when it is left out, because leaving it out says something too: that no seed allows an extension,
 * or that the bureau's own experts review every case.
 *
 * @param rejectionReasons the coded reasons a rejection names, each with its source; at least one
 * @param criteria what a reviewer checks in every case of the region, each with its source; a disease may add its own
 * @param routing who reviews; null where the bureau's own experts review every case
 * @param extension how a deadline may be extended; null where the region allows none
 * @param instantFiling the categories filed at once (即时备案) when its rule holds; null where there are none
 * @param recheckReminderBefore how long before a qualification's re-check the applicant is reminded; null for none
 * @param designatedInstitutions the institutions an applicant may choose one of after approval; null for no choice
 */
record Review(
        List<Item> rejectionReasons,
        List<Item> criteria,
        @Nullable Routing routing,
        String routingSource,
        @Nullable Extension extension,
        String extensionSource,
        @Nullable InstantFiling instantFiling,
        String instantFilingSource,
        @Nullable Period recheckReminderBefore,
        String recheckReminderBeforeSource,
        @Nullable DesignatedInstitutions designatedInstitutions,
        String designatedInstitutionsSource) {

    Review {
        rejectionReasons = rejectionReasons == null ? List.of() : rejectionReasons;
        criteria = criteria == null ? List.of() : criteria;
    }

    /** The wire shape; only for review rules the validator accepted. */
    ReviewRules toContract() {
        return new ReviewRules(
                rejectionReasons.stream().map(r -> new ReviewRules.RejectionReason(r.code(), r.text())).toList(),
                criteria.stream().map(c -> new ReviewRules.Criterion(c.code(), c.text())).toList(),
                routing == null ? null : routing.toContract(),
                extension == null ? null : new ReviewRules.Extension(extension.by(), extension.atMost()),
                instantFiling == null ? null : instantFiling.toContract(),
                recheckReminderBefore,
                designatedInstitutions == null ? null : designatedInstitutions.toContract());
    }

    /**
     * A coded reason or checklist point: {@code code} is what review records and notification looks up, {@code text}
     * the Chinese an applicant reads.
     */
    record Item(String code, String text, String source) {
    }

    /** A medical institution the region names; {@code code} in the national form, H + 11 digits. */
    record Institution(String code, String name, Integer level) {

        ReviewRules.Institution toContract() {
            return new ReviewRules.Institution(code, name, level);
        }
    }

    /**
     * @param minimumHospitalLevel for the diagnosing institution; null if any level reviews
     * @param commissioned for {@code COMMISSIONED_INSTITUTION} only; may be empty while the bureau names none
     * @param panelSize how many experts decide a case of a {@code panelDiseases} disease; only with panel diseases
     * @param panelDiseases codes of the region's diseases decided by a panel; none if omitted
     */
    record Routing(ReviewRules.Reviewers reviewers, @Nullable Integer minimumHospitalLevel,
            List<Institution> commissioned, @Nullable Integer panelSize, List<String> panelDiseases) {

        Routing {
            commissioned = commissioned == null ? List.of() : commissioned;
            panelDiseases = panelDiseases == null ? List.of() : panelDiseases;
        }

        /** Without a panel, one reviewer decides. */
        ReviewRules.Routing toContract() {
            return new ReviewRules.Routing(reviewers, minimumHospitalLevel,
                    commissioned.stream().map(Institution::toContract).toList(), panelSize == null ? 1 : panelSize,
                    panelDiseases);
        }
    }

    /** A deadline may be extended by {@code by}, at most {@code atMost} times per case. */
    record Extension(Period by, Integer atMost) {
    }

    /**
     * @param ruleVersion recorded with every filing, so that it names the rule it met
     * @param minimumHospitalLevel of the diagnosing hospital; null if any
     * @param diagnosisWithin how recent the diagnosis must be; null if any date will do
     * @param postCheck whether a reviewer checks each filing afterwards (事后审核)
     */
    record InstantFiling(List<DiseaseCategory> categories, String ruleVersion, Boolean completeMandatoryMaterials,
            @Nullable Integer minimumHospitalLevel, @Nullable Period diagnosisWithin, Boolean postCheck) {

        InstantFiling {
            categories = categories == null ? List.of() : categories;
        }

        ReviewRules.InstantFiling toContract() {
            return new ReviewRules.InstantFiling(categories, ruleVersion, completeMandatoryMaterials,
                    minimumHospitalLevel, diagnosisWithin, postCheck);
        }
    }

    /** The institutions an applicant may choose one of, changeable {@code changesPerYear} times a calendar year. */
    record DesignatedInstitutions(List<Institution> institutions, Integer changesPerYear) {

        DesignatedInstitutions {
            institutions = institutions == null ? List.of() : institutions;
        }

        ReviewRules.DesignatedInstitutions toContract() {
            return new ReviewRules.DesignatedInstitutions(
                    institutions.stream().map(Institution::toContract).toList(), changesPerYear);
        }
    }
}
