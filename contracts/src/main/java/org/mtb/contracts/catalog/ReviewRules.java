package org.mtb.contracts.catalog;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mtb.contracts.DiseaseCategory;

/**
 * How a region's cases are reviewed: what a reviewer checks, why it may reject, who reviews, and the region's special
 * paths (extensions, instant filing, re-check reminders, designated institutions).
 *
 * @param rejectionReasons the coded reasons a rejection must name at least one of
 * @param criteria what a reviewer checks in every case of the region; a disease may add its own
 * @param routing who reviews; null where the bureau's own experts review every case
 * @param extension how a deadline may be extended; null where the region allows none
 * @param instantFiling the categories filed at once (即时备案) when a rule holds; null where there are none
 * @param recheckReminderBefore how long before a qualification's re-check the applicant is reminded; null for none
 * @param designatedInstitutions the institutions an applicant may choose one of after approval; null where the
 *        region offers no choice
 */
public record ReviewRules(
        List<RejectionReason> rejectionReasons,
        List<Criterion> criteria,
        @Nullable Routing routing,
        @Nullable Extension extension,
        @Nullable InstantFiling instantFiling,
        @Nullable Period recheckReminderBefore,
        @Nullable DesignatedInstitutions designatedInstitutions) {

    public ReviewRules {
        rejectionReasons = rejectionReasons == null ? List.of() : List.copyOf(rejectionReasons);
        criteria = criteria == null ? List.of() : List.copyOf(criteria);
    }

    /** A coded reason for a rejection, e.g. {@code NOT_LONG_TERM_OUTPATIENT}, with the Chinese text shown. */
    public record RejectionReason(String code, String text) {
    }

    /** One point of a review checklist, e.g. {@code STABLE_LONG_TERM}: 需长期在门诊接受治疗且病情稳定. */
    public record Criterion(String code, String text) {
    }

    /** A medical institution named by the region. */
    public record Institution(String code, String name, int level) {
    }

    /**
     * Who reviews a case.
     *
     * @param reviewers the bureau's experts, the diagnosing institution (at {@code minimumHospitalLevel} or above), or
     *        the institutions the bureau commissioned
     * @param commissioned the commissioned institutions, for {@link Reviewers#COMMISSIONED_INSTITUTION}
     * @param panelSize how many experts decide a case of a {@code panelDiseases} disease together (医学鉴定)
     * @param panelDiseases the codes of the diseases decided by a panel
     */
    public record Routing(Reviewers reviewers, @Nullable Integer minimumHospitalLevel, List<Institution> commissioned,
            int panelSize, List<String> panelDiseases) {

        public Routing {
            commissioned = commissioned == null ? List.of() : List.copyOf(commissioned);
            panelDiseases = panelDiseases == null ? List.of() : List.copyOf(panelDiseases);
        }
    }

    public enum Reviewers {
        BUREAU,
        DIAGNOSING_INSTITUTION,
        COMMISSIONED_INSTITUTION
    }

    /**
     * A deadline may be extended in special circumstances (遇特殊情况可延长), by {@code by} each time, at most
     * {@code atMost} times per case, on a supervisor's approval.
     */
    public record Extension(Period by, int atMost) {
    }

    /**
     * The rule under which a case of {@code categories} is filed at once when it opens.
     *
     * @param ruleVersion recorded with every filing, so that a filing names the rule it met
     * @param completeMandatoryMaterials every mandatory material of the disease must be present
     * @param minimumHospitalLevel the diagnosing hospital's level must be at least this; null if any
     * @param diagnosisWithin the diagnosis must be dated within this; null if any date will do
     * @param postCheck whether a reviewer checks each filing afterwards (事后审核) and may revoke it
     */
    public record InstantFiling(List<DiseaseCategory> categories, String ruleVersion,
            boolean completeMandatoryMaterials, @Nullable Integer minimumHospitalLevel,
            @Nullable Period diagnosisWithin, boolean postCheck) {

        public InstantFiling {
            categories = categories == null ? List.of() : List.copyOf(categories);
        }
    }

    /** The institutions an applicant may choose one of, changeable {@code changesPerYear} times a calendar year. */
    public record DesignatedInstitutions(List<Institution> institutions, int changesPerYear) {

        public DesignatedInstitutions {
            institutions = institutions == null ? List.of() : List.copyOf(institutions);
        }
    }
}
