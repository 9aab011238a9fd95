package org.mtb.intake.progress;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.mtb.contracts.review.ObjectionRaised;
import org.mtb.contracts.review.ObjectionSettled;
import org.mtb.contracts.review.PublicNoticeStarted;
import org.mtb.contracts.review.QualificationExpired;
import org.mtb.contracts.review.QualificationGranted;
import org.mtb.contracts.review.QualificationRevoked;
import org.mtb.intake.application.Application;
import org.mtb.intake.application.ApplicationStatus;
import org.mtb.intake.application.PublicNotice;
import org.mtb.intake.application.PublicNotice.Objection;
import org.mtb.intake.application.Qualification;
import org.mtb.intake.application.TimelineEntry;
import org.mtb.intake.progress.ApplicationProgress.Change;

/**
 * What the events of an approval's aftermath do to its application: the public notice (公示) and its objections, and
 * the qualification granted, revoked or expired. Each adds its entry to the timeline and what it tells to the
 * application's notice or qualification, even when it arrives late; the status moves only forward ({@link Stages}).
 * The notice's and the qualification's members are written whole, from the application as read, in the update
 * conditional on its version.
 */
final class AftermathChanges {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private AftermathChanges() {
    }

    static Change noticeStarted(PublicNoticeStarted event) {
        return noticeChange(event.applicationNumber(), event.eventId().toString(),
                new TimelineEntry(ApplicationStatus.IN_PUBLIC_NOTICE, event.occurredAt(),
                        "进入公示，公示期" + DAY.format(event.noticeFrom()) + "至" + DAY.format(event.noticeUntil())),
                notice -> withDays(notice, event.noticeFrom(), event.noticeUntil()));
    }

    static Change objectionRaised(ObjectionRaised event) {
        return noticeChange(event.applicationNumber(), event.eventId().toString(),
                new TimelineEntry(ApplicationStatus.UNDER_OBJECTION, event.occurredAt(), "公示期间收到异议，正在核实"),
                notice -> withObjection(notice, event.objectionId(),
                        known -> new Objection(known.id(), event.occurredAt(), known.settledAt(), known.upheld(),
                                known.reason())));
    }

    static Change objectionSettled(ObjectionSettled event) {
        TimelineEntry entry = event.upheld()
                ? new TimelineEntry(ApplicationStatus.OBJECTION_UPHELD, event.occurredAt(),
                        "异议成立，审核通过的结果已撤销：" + event.reason())
                : new TimelineEntry(ApplicationStatus.IN_PUBLIC_NOTICE, event.occurredAt(),
                        "异议不成立，公示继续：" + event.reason());
        return noticeChange(event.applicationNumber(), event.eventId().toString(), entry,
                notice -> withObjection(notice, event.objectionId(),
                        known -> new Objection(known.id(), known.raisedAt(), event.occurredAt(), event.upheld(),
                                event.reason())));
    }

    /** The qualification takes effect: it wins over the notice, but does not undo a withdrawal or an end. */
    static Change granted(QualificationGranted event) {
        String note = "资格生效，资格编号" + event.qualificationNumber() + "，自" + DAY.format(event.validFrom()) + "起"
                + (event.validTo() == null ? "长期有效" : "至" + DAY.format(event.validTo()))
                + (event.grantedBy() == QualificationGranted.Grant.INSTANT_FILING ? "（即时备案）" : "");
        return new Change(event.applicationNumber(), event.eventId().toString(),
                new TimelineEntry(ApplicationStatus.APPROVED, event.occurredAt(), note),
                application -> Stages.toward(application.status(), ApplicationStatus.APPROVED),
                (application, update) -> {
                    Qualification known = known(application, event.qualificationNumber());
                    update.set("qualification", new Qualification(event.qualificationNumber(), event.grantedBy(),
                            event.validFrom(), event.validTo(), known.revokedAt(), known.revocationReason(),
                            known.expiredAt())).set("reviewDueAt", null);
                });
    }

    static Change revoked(QualificationRevoked event) {
        return new Change(event.applicationNumber(), event.eventId().toString(),
                new TimelineEntry(ApplicationStatus.QUALIFICATION_REVOKED, event.occurredAt(),
                        "待遇资格已撤销：" + event.reason()),
                application -> Stages.toward(application.status(), ApplicationStatus.QUALIFICATION_REVOKED),
                (application, update) -> {
                    Qualification known = known(application, event.qualificationNumber());
                    update.set("qualification", new Qualification(known.number(), known.grantedBy(),
                            known.validFrom(), known.validTo(), event.occurredAt(), event.reason(), known.expiredAt()));
                });
    }

    static Change expired(QualificationExpired event) {
        return new Change(event.applicationNumber(), event.eventId().toString(),
                new TimelineEntry(ApplicationStatus.QUALIFICATION_EXPIRED, event.occurredAt(),
                        "待遇资格已于" + DAY.format(event.validTo()) + "到期"),
                application -> Stages.toward(application.status(), ApplicationStatus.QUALIFICATION_EXPIRED),
                (application, update) -> {
                    Qualification known = known(application, event.qualificationNumber());
                    update.set("qualification", new Qualification(known.number(), known.grantedBy(),
                            known.validFrom(), known.validTo() == null ? event.validTo() : known.validTo(),
                            known.revokedAt(), known.revocationReason(), event.occurredAt()));
                });
    }

    /**
     * A change of the public notice: the notice as it becomes, and the status that follows from it where the
     * application has not passed the notice.
     */
    static Change noticeChange(String applicationNumber, String eventId, TimelineEntry entry,
            UnaryOperator<PublicNotice> change) {
        return noticeChange(applicationNumber, eventId, entry, change, null);
    }

    /** @param decision the outcome, where the change is the decision's own */
    static Change noticeChange(String applicationNumber, String eventId, TimelineEntry entry,
            UnaryOperator<PublicNotice> change, @Nullable ApplicationStatus decision) {
        return new Change(applicationNumber, eventId, entry,
                application -> Stages.toward(application.status(), Stages.inNotice(change.apply(notice(application)))),
                (application, update) -> update.set("publicNotice", change.apply(notice(application)))
                        .set("reviewDueAt", null), application -> true, decision);
    }

    /** The notice with its days as an event tells them; a day an event does not name stays as known. */
    static PublicNotice withDays(PublicNotice notice, @Nullable LocalDate from, @Nullable LocalDate until) {
        return new PublicNotice(from == null ? notice.from() : from, until == null ? notice.until() : until,
                notice.objections());
    }

    /** The notice with one objection changed, or added where its first news arrives. */
    static PublicNotice withObjection(PublicNotice notice, String id, UnaryOperator<Objection> change) {
        List<Objection> objections = new ArrayList<>(notice.objections());
        int index = -1;
        for (int i = 0; i < objections.size(); i++) {
            index = objections.get(i).id().equals(id) ? i : index;
        }
        if (index < 0) {
            objections.add(change.apply(new Objection(id, null, null, false, null)));
        } else {
            objections.set(index, change.apply(objections.get(index)));
        }
        return new PublicNotice(notice.from(), notice.until(), List.copyOf(objections));
    }

    static PublicNotice notice(Application application) {
        return application.publicNotice() == null ? PublicNotice.none() : application.publicNotice();
    }

    private static Qualification known(Application application, String number) {
        return application.qualification() == null ? Qualification.numbered(number) : application.qualification();
    }
}
