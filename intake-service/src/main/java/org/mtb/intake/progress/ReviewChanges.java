package org.mtb.intake.progress;

import java.util.List;
import java.util.stream.Collectors;
import org.mtb.contracts.review.ApplicationDecided;
import org.mtb.contracts.review.DecisionOutcome;
import org.mtb.contracts.review.ReviewStarted;
import org.mtb.contracts.review.SupplementItem;
import org.mtb.contracts.review.SupplementLapsed;
import org.mtb.contracts.review.SupplementRequested;
import org.mtb.intake.application.ApplicationStatus;
import org.mtb.intake.application.SupplementRound;
import org.mtb.intake.application.TimelineEntry;
import org.mtb.intake.progress.ApplicationProgress.Change;

/** What each of review's events does to its application ({@link ApplicationProgress} applies it). */
final class ReviewChanges {

    private ReviewChanges() {
    }

    /**
     * What a review-started event does: the decision may have overtaken it, so only SUBMITTED moves on. The deadline it
     * promises is kept while the application is under review.
     */
    static Change started(ReviewStarted event) {
        return new Change(event.applicationNumber(), event.eventId().toString(),
                new TimelineEntry(ApplicationStatus.UNDER_REVIEW, event.openedAt(), "审核中"),
                current -> current == ApplicationStatus.SUBMITTED ? ApplicationStatus.UNDER_REVIEW : current,
                (application, update) -> {
                    ApplicationStatus status = application.status();
                    if (event.dueAt() != null && (status == ApplicationStatus.SUBMITTED
                            || status == ApplicationStatus.UNDER_REVIEW)) {
                        update.set("reviewDueAt", event.dueAt());
                    }
                });
    }

    /** A supplement request: the application waits for the applicant, unless it ended meanwhile (withdrawn). */
    static Change supplementRequested(SupplementRequested event) {
        String items = event.items().stream().map(SupplementItem::name).collect(Collectors.joining("、"));
        SupplementRound round = new SupplementRound(event.round(), event.eventId().toString(), event.items(),
                event.requestedAt(), event.supplementDueAt(), null, null, null);
        return new Change(event.applicationNumber(), event.eventId().toString(),
                new TimelineEntry(ApplicationStatus.SUPPLEMENT_REQUIRED, event.requestedAt(),
                        "需补正材料（第" + event.round() + "次）：" + items),
                current -> current.isFinal() ? current : ApplicationStatus.SUPPLEMENT_REQUIRED,
                (application, update) -> update.push("supplements", round).set("reviewDueAt", null),
                application -> !application.status().isFinal());
    }

    /**
     * The time to supplement ran out: the application ends as not supplemented, unless it was supplemented (its answer
     * reaching review after the lapse) or ended otherwise first.
     */
    static Change supplementLapsed(SupplementLapsed event) {
        return new Change(event.applicationNumber(), event.eventId().toString(),
                new TimelineEntry(ApplicationStatus.NOT_SUPPLEMENTED, event.closedAt(), "逾期未补正，申请已终止"),
                current -> ApplicationStatus.NOT_SUPPLEMENTED,
                (application, update) -> {
                    List<SupplementRound> rounds = application.supplements() == null ? List.of()
                            : application.supplements();
                    for (int i = 0; i < rounds.size(); i++) {
                        if (rounds.get(i).round() == event.round() && rounds.get(i).suppliedAt() == null) {
                            update.set("supplements." + i + ".lapsedAt", event.closedAt());
                        }
                    }
                }, application -> application.openSupplement().filter(open -> open.round() == event.round())
                        .isPresent());
    }

    static Change decided(ApplicationDecided event) {
        ApplicationStatus status = event.outcome() == DecisionOutcome.APPROVED
                ? ApplicationStatus.APPROVED : ApplicationStatus.REJECTED;
        String note = status == ApplicationStatus.APPROVED ? "审核通过"
                : "审核未通过：" + String.join("；", event.reasons());
        return new Change(event.applicationNumber(), event.eventId().toString(),
                new TimelineEntry(status, event.decidedAt(), note), current -> status,
                (application, update) -> update.set("reviewDueAt", null));
    }
}
