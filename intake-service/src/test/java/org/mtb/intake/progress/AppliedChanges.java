package org.mtb.intake.progress;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.mtb.intake.application.Application;
import org.mtb.intake.application.ApplicationStatus;
import org.mtb.intake.application.PublicNotice;
import org.mtb.intake.application.Qualification;
import org.mtb.intake.application.TimelineEntry;
import org.mtb.intake.progress.ApplicationProgress.Change;
import org.mtb.support.testing.ConverterEquivalence;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Changes applied to an application in memory as {@link ApplicationProgress} writes them: where a change applies, its
 * status, its timeline entry, and the review deadline, public notice and qualification its update sets. Each change's
 * update is also held to Spring Data's mapping of it ({@link ConverterEquivalence#assertStoredAsSpringDataMapsIt}),
 * since {@code VersionedUpdates} writes it in stored terms.
 */
final class AppliedChanges {

    private AppliedChanges() {
    }

    static Application apply(Application application, Change... changes) {
        Application current = application;
        for (Change change : changes) {
            if (!change.applies().test(current)) {
                continue;
            }
            // What ApplicationProgress writes for it, in stored terms, is what Spring Data's mapping would write.
            ConverterEquivalence.assertStoredAsSpringDataMapsIt(ApplicationProgress.update(current, change),
                    Application.class);
            ApplicationStatus status = change.next().apply(current);
            Update update = new Update();
            change.more().accept(current, update);
            Document set = update.getUpdateObject().get("$set", new Document());
            List<TimelineEntry> timeline = new ArrayList<>(current.timeline());
            timeline.add(change.entry());
            current = with(current, status, timeline,
                    set.containsKey("reviewDueAt") ? (Instant) set.get("reviewDueAt") : current.reviewDueAt(),
                    set.containsKey("publicNotice") ? (PublicNotice) set.get("publicNotice") : current.publicNotice(),
                    set.containsKey("qualification") ? (Qualification) set.get("qualification")
                            : current.qualification());
        }
        return current;
    }

    private static Application with(Application a, ApplicationStatus status, List<TimelineEntry> timeline,
            @Nullable Instant reviewDueAt, @Nullable PublicNotice notice, @Nullable Qualification qualification) {
        return new Application(a.applicationNumber(), a.idempotencyKey(), a.requestFingerprint(), a.regionCode(),
                a.diseaseCode(), a.diseaseName(), a.diseaseCategory(), a.applicant(), a.hospital(), a.conditionSummary(),
                a.channel(), a.submittedAt(), status, timeline, a.processedEventIds(), a.version(), a.outbox(),
                a.submittedBy(), a.identityVerification(), a.materials(), a.declaration(), a.supplements(),
                a.withdrawal(), reviewDueAt, a.kind(), a.qualificationNumber(), a.agent(), notice, qualification);
    }
}
