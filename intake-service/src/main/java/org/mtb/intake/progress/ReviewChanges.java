package org.mtb.intake.progress;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.mtb.contracts.review.ApplicationDecided;
import org.mtb.contracts.review.DecisionOutcome;
import org.mtb.contracts.review.ReviewExtended;
import org.mtb.contracts.review.ReviewStarted;
import org.mtb.contracts.review.SupplementItem;
import org.mtb.contracts.review.SupplementLapsed;
import org.mtb.contracts.review.SupplementRequested;
import org.mtb.intake.application.Application;
import org.mtb.intake.application.ApplicationStatus;
import org.mtb.intake.application.SupplementRound;
import org.mtb.intake.application.TimelineEntry;
import org.mtb.intake.progress.ApplicationProgress.Change;
import org.springframework.data.mongodb.core.query.Update;

/**
 * What each of review's events up to the decision (its start, an extension of its deadline, a supplement asked for or
 * lapsed, the decision) does to its application ({@link ApplicationProgress} applies it);
 * those of the decision's aftermath are {@link AftermathChanges}.
 */
final class ReviewChanges {

    /** A moment as the applicant reads it: in China Standard Time, which every region keeps, as the SMS writes it. */
    static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private ReviewChanges() {
    }

    /**
     * What a review-started event does: the decision may have overtaken it, so only SUBMITTED moves on. The deadline it
     * promises is kept while the application is under review ({@link #keepDeadline}).
     */
    static Change started(ReviewStarted event) {
        return new Change(event.applicationNumber(), event.eventId().toString(),
                new TimelineEntry(ApplicationStatus.UNDER_REVIEW, event.openedAt(), "审核中"),
                ReviewChanges::underReview, (application, update) -> keepDeadline(application, event.dueAt(), update));
    }

    /**
     * A supervisor extended the review's deadline (延长审核期限): its entry is recorded whenever it arrives, its
     * deadline kept while the application is under review ({@link #keepDeadline}). It moves no status but SUBMITTED,
     * whose review has plainly begun, as review's start (on a topic of its own) will say.
     */
    static Change extended(ReviewExtended event) {
        return new Change(event.applicationNumber(), event.eventId().toString(),
                new TimelineEntry(ApplicationStatus.UNDER_REVIEW, event.occurredAt(),
                        "审核期限延长至" + DUE.format(event.dueAt()) + "，延长原因：" + event.reason()),
                ReviewChanges::underReview, (application, update) -> keepDeadline(application, event.dueAt(), update));
    }

    private static ApplicationStatus underReview(Application application) {
        return application.status() == ApplicationStatus.SUBMITTED ? ApplicationStatus.UNDER_REVIEW
                : application.status();
    }

    /**
     * Keeps the deadline review promises while the application waits for its decision; not while it waits for a
     * supplement (the clock stops, and the reopening brings a new one), nor once decided or ended. Within one review
     * the deadline only moves later: review's start or an extension that another extension overtook on the way does
     * not take back the later deadline already shown.
     */
    private static void keepDeadline(Application application, @Nullable Instant dueAt, Update update) {
        ApplicationStatus status = application.status();
        Instant known = application.reviewDueAt();
        if (dueAt != null && (status == ApplicationStatus.SUBMITTED || status == ApplicationStatus.UNDER_REVIEW)
                && (known == null || !known.isAfter(dueAt))) {
            update.set("reviewDueAt", dueAt);
        }
    }

    /**
     * A supplement request: the application waits for the applicant, unless it ended meanwhile (withdrawn) or its
     * decision, which came later, arrived first.
     */
    static Change supplementRequested(SupplementRequested event) {
        String items = event.items().stream().map(SupplementItem::name).collect(Collectors.joining("、"));
        SupplementRound round = new SupplementRound(event.round(), event.eventId().toString(), event.items(),
                event.requestedAt(), event.supplementDueAt(), null, null, null);
        return new Change(event.applicationNumber(), event.eventId().toString(),
                new TimelineEntry(ApplicationStatus.SUPPLEMENT_REQUIRED, event.requestedAt(),
                        "需补正材料（第" + event.round() + "次）：" + items),
                application -> waitsForReview(application) ? ApplicationStatus.SUPPLEMENT_REQUIRED
                        : application.status(),
                (application, update) -> update.push("supplements", round).set("reviewDueAt", null),
                ReviewChanges::waitsForReview);
    }

    /**
     * The time to supplement ran out: the application ends as not supplemented, unless it was supplemented (its answer
     * reaching review after the lapse) or ended otherwise first.
     */
    static Change supplementLapsed(SupplementLapsed event) {
        return new Change(event.applicationNumber(), event.eventId().toString(),
                new TimelineEntry(ApplicationStatus.NOT_SUPPLEMENTED, event.closedAt(), "逾期未补正，申请已终止"),
                application -> ApplicationStatus.NOT_SUPPLEMENTED,
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

    /**
     * A decision. An approval with a public notice (公示) enters it, unless the notice's own events got further first;
     * otherwise the decision stands where the application has not passed it (a withdrawal or lapse it crossed).
     */
    static Change decided(ApplicationDecided event) {
        String eventId = event.eventId().toString();
        LocalDate noticeUntil = event.publicNoticeUntil();
        if (event.outcome() == DecisionOutcome.APPROVED && noticeUntil != null) {
            return AftermathChanges.noticeChange(event.applicationNumber(), eventId,
                    new TimelineEntry(ApplicationStatus.IN_PUBLIC_NOTICE, event.decidedAt(),
                            "审核通过，进入公示，公示期至" + AftermathChanges.DAY.format(noticeUntil)),
                    notice -> AftermathChanges.withDays(notice, null, noticeUntil), ApplicationStatus.APPROVED);
        }
        ApplicationStatus status = event.outcome() == DecisionOutcome.APPROVED
                ? ApplicationStatus.APPROVED : ApplicationStatus.REJECTED;
        String note = status == ApplicationStatus.REJECTED ? "审核未通过：" + String.join("；", event.reasons())
                : event.effectiveFrom() == null ? "审核通过"
                : "审核通过，待遇自" + AftermathChanges.DAY.format(event.effectiveFrom()) + "起生效";
        return new Change(event.applicationNumber(), eventId, new TimelineEntry(status, event.decidedAt(), note),
                application -> Stages.toward(application.status(), status),
                (application, update) -> update.set("reviewDueAt", null), application -> true, status);
    }

    /** Review has not decided it, nor has it ended otherwise. */
    private static boolean waitsForReview(Application application) {
        return !application.status().isFinal() && !application.status().isDecided();
    }
}
