package org.mtb.review.reviewcase;

import java.time.Instant;
import java.util.List;
import org.mtb.contracts.Channel;
import org.mtb.contracts.DiseaseCategory;
import org.mtb.contracts.intake.Applicant;
import org.mtb.contracts.intake.Hospital;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The review of one application; its id is the application number, so one application opens one case.
 *
 * @param catalogVersion the region's catalog version the case was opened under; null if none had arrived
 * @param sla its deadline; null while the region's catalog carries no time limit for its category
 */
@Document(ReviewCase.COLLECTION)
record ReviewCase(
        @Id String applicationNumber,
        String submittedEventId,
        String regionCode,
        String diseaseCode,
        String diseaseName,
        DiseaseCategory diseaseCategory,
        Applicant applicant,
        Hospital hospital,
        String conditionSummary,
        Channel channel,
        Instant submittedAt,
        Instant openedAt,
        CaseStatus status,
        Decision decision,
        String catalogVersion,
        SlaClock sla,
        List<OutboxEntry> outbox) {

    static final String COLLECTION = "review_cases";

    @Override
    public String toString() {
        return "ReviewCase[" + applicationNumber + ", " + regionCode + "/" + diseaseCode + ", " + status + "]";
    }
}
