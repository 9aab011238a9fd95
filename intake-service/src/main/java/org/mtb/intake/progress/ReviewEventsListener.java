package org.mtb.intake.progress;

import java.util.List;
import java.util.function.Consumer;
import org.mtb.contracts.review.ApplicationDecided;
import org.mtb.contracts.review.ObjectionRaised;
import org.mtb.contracts.review.ObjectionSettled;
import org.mtb.contracts.review.PublicNoticeStarted;
import org.mtb.contracts.review.QualificationExpired;
import org.mtb.contracts.review.QualificationGranted;
import org.mtb.contracts.review.QualificationRevoked;
import org.mtb.contracts.review.ReviewExtended;
import org.mtb.contracts.review.ReviewStarted;
import org.mtb.contracts.review.SupplementLapsed;
import org.mtb.contracts.review.SupplementRequested;
import org.mtb.support.consumer.EventBatches;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bindings of review's events (all but {@code RecheckDue}, which is the applicant's to be told of, not a change of the
 * application), a poll's records at a time; a record that cannot be read, or concerns an application
 * intake does not hold, goes alone to the dead-letter topic after its retries.
 */
@Configuration(proxyBeanMethods = false)
class ReviewEventsListener {

    @Bean
    Consumer<List<byte[]>> onReviewStarted(ApplicationProgress progress, JsonMapper json) {
        return payloads -> EventBatches.handle(payloads, payload -> ReviewChanges.started(
                json.readValue(payload, ReviewStarted.class)), progress::recordAll);
    }

    @Bean
    Consumer<List<byte[]>> onReviewExtended(ApplicationProgress progress, JsonMapper json) {
        return payloads -> EventBatches.handle(payloads, payload -> ReviewChanges.extended(
                json.readValue(payload, ReviewExtended.class)), progress::recordAll);
    }

    @Bean
    Consumer<List<byte[]>> onSupplementRequested(ApplicationProgress progress, JsonMapper json) {
        return payloads -> EventBatches.handle(payloads, payload -> ReviewChanges.supplementRequested(
                json.readValue(payload, SupplementRequested.class)), progress::recordAll);
    }

    @Bean
    Consumer<List<byte[]>> onSupplementLapsed(ApplicationProgress progress, JsonMapper json) {
        return payloads -> EventBatches.handle(payloads, payload -> ReviewChanges.supplementLapsed(
                json.readValue(payload, SupplementLapsed.class)), progress::recordAll);
    }

    @Bean
    Consumer<List<byte[]>> onApplicationDecided(ApplicationProgress progress, JsonMapper json) {
        return payloads -> EventBatches.handle(payloads, payload -> ReviewChanges.decided(
                json.readValue(payload, ApplicationDecided.class)), progress::recordAll);
    }

    @Bean
    Consumer<List<byte[]>> onPublicNoticeStarted(ApplicationProgress progress, JsonMapper json) {
        return payloads -> EventBatches.handle(payloads, payload -> AftermathChanges.noticeStarted(
                json.readValue(payload, PublicNoticeStarted.class)), progress::recordAll);
    }

    @Bean
    Consumer<List<byte[]>> onObjectionRaised(ApplicationProgress progress, JsonMapper json) {
        return payloads -> EventBatches.handle(payloads, payload -> AftermathChanges.objectionRaised(
                json.readValue(payload, ObjectionRaised.class)), progress::recordAll);
    }

    @Bean
    Consumer<List<byte[]>> onObjectionSettled(ApplicationProgress progress, JsonMapper json) {
        return payloads -> EventBatches.handle(payloads, payload -> AftermathChanges.objectionSettled(
                json.readValue(payload, ObjectionSettled.class)), progress::recordAll);
    }

    @Bean
    Consumer<List<byte[]>> onQualificationGranted(ApplicationProgress progress, JsonMapper json) {
        return payloads -> EventBatches.handle(payloads, payload -> AftermathChanges.granted(
                json.readValue(payload, QualificationGranted.class)), progress::recordAll);
    }

    @Bean
    Consumer<List<byte[]>> onQualificationRevoked(ApplicationProgress progress, JsonMapper json) {
        return payloads -> EventBatches.handle(payloads, payload -> AftermathChanges.revoked(
                json.readValue(payload, QualificationRevoked.class)), progress::recordAll);
    }

    @Bean
    Consumer<List<byte[]>> onQualificationExpired(ApplicationProgress progress, JsonMapper json) {
        return payloads -> EventBatches.handle(payloads, payload -> AftermathChanges.expired(
                json.readValue(payload, QualificationExpired.class)), progress::recordAll);
    }
}
