package org.mtb.notification.message;

import java.util.List;
import java.util.function.Consumer;
import org.mtb.contracts.intake.ApplicationSubmitted;
import org.mtb.contracts.intake.ApplicationWithdrawn;
import org.mtb.contracts.review.ApplicationDecided;
import org.mtb.contracts.review.ObjectionRaised;
import org.mtb.contracts.review.ObjectionSettled;
import org.mtb.contracts.review.PublicNoticeStarted;
import org.mtb.contracts.review.QualificationExpired;
import org.mtb.contracts.review.QualificationGranted;
import org.mtb.contracts.review.QualificationRevoked;
import org.mtb.contracts.review.RecheckDue;
import org.mtb.contracts.review.ReviewExtended;
import org.mtb.contracts.review.SupplementLapsed;
import org.mtb.contracts.review.SupplementRequested;
import org.mtb.support.consumer.EventBatches;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bindings of the events applicants are told about, each taking the records of a Kafka poll together (a few bulk
 * MongoDB commands per poll). A record that is not a complete event, or that keeps failing, goes alone to the
 * dead-letter topic; the records around it are handled.
 */
@Configuration(proxyBeanMethods = false)
class NotificationEventsListener {

    @Bean
    Consumer<List<byte[]>> onApplicationSubmitted(Notifier notifier, JsonMapper json) {
        return payloads -> EventBatches.handle(payloads,
                bytes -> EventChecks.checked(json.readValue(bytes, ApplicationSubmitted.class)),
                notifier::submittedAll);
    }

    @Bean
    Consumer<List<byte[]>> onApplicationDecided(Notifier notifier, JsonMapper json) {
        return payloads -> EventBatches.handle(payloads,
                bytes -> EventChecks.checked(json.readValue(bytes, ApplicationDecided.class)), notifier::decidedAll);
    }

    @Bean
    Consumer<List<byte[]>> onSupplementRequested(Notifier notifier, JsonMapper json) {
        return payloads -> EventBatches.handle(payloads,
                bytes -> EventChecks.checked(json.readValue(bytes, SupplementRequested.class)),
                notifier::supplementRequestedAll);
    }

    @Bean
    Consumer<List<byte[]>> onSupplementLapsed(Notifier notifier, JsonMapper json) {
        return payloads -> EventBatches.handle(payloads,
                bytes -> EventChecks.checked(json.readValue(bytes, SupplementLapsed.class)),
                notifier::supplementLapsedAll);
    }

    @Bean
    Consumer<List<byte[]>> onApplicationWithdrawn(Notifier notifier, JsonMapper json) {
        return payloads -> EventBatches.handle(payloads,
                bytes -> EventChecks.checked(json.readValue(bytes, ApplicationWithdrawn.class)),
                notifier::withdrawnAll);
    }

    @Bean
    Consumer<List<byte[]>> onReviewExtended(Notifier notifier, JsonMapper json) {
        return payloads -> EventBatches.handle(payloads,
                bytes -> EventChecks.checked(json.readValue(bytes, ReviewExtended.class)),
                notifier::reviewExtendedAll);
    }

    @Bean
    Consumer<List<byte[]>> onPublicNoticeStarted(Notifier notifier, JsonMapper json) {
        return payloads -> EventBatches.handle(payloads,
                bytes -> EventChecks.checked(json.readValue(bytes, PublicNoticeStarted.class)),
                notifier::publicNoticeStartedAll);
    }

    @Bean
    Consumer<List<byte[]>> onObjectionRaised(Notifier notifier, JsonMapper json) {
        return payloads -> EventBatches.handle(payloads,
                bytes -> EventChecks.checked(json.readValue(bytes, ObjectionRaised.class)),
                notifier::objectionRaisedAll);
    }

    @Bean
    Consumer<List<byte[]>> onObjectionSettled(Notifier notifier, JsonMapper json) {
        return payloads -> EventBatches.handle(payloads,
                bytes -> EventChecks.checked(json.readValue(bytes, ObjectionSettled.class)),
                notifier::objectionSettledAll);
    }

    @Bean
    Consumer<List<byte[]>> onQualificationGranted(Notifier notifier, JsonMapper json) {
        return payloads -> EventBatches.handle(payloads,
                bytes -> EventChecks.checked(json.readValue(bytes, QualificationGranted.class)),
                notifier::qualificationGrantedAll);
    }

    @Bean
    Consumer<List<byte[]>> onQualificationRevoked(Notifier notifier, JsonMapper json) {
        return payloads -> EventBatches.handle(payloads,
                bytes -> EventChecks.checked(json.readValue(bytes, QualificationRevoked.class)),
                notifier::qualificationRevokedAll);
    }

    @Bean
    Consumer<List<byte[]>> onRecheckDue(Notifier notifier, JsonMapper json) {
        return payloads -> EventBatches.handle(payloads,
                bytes -> EventChecks.checked(json.readValue(bytes, RecheckDue.class)), notifier::recheckDueAll);
    }

    @Bean
    Consumer<List<byte[]>> onQualificationExpired(Notifier notifier, JsonMapper json) {
        return payloads -> EventBatches.handle(payloads,
                bytes -> EventChecks.checked(json.readValue(bytes, QualificationExpired.class)),
                notifier::qualificationExpiredAll);
    }
}
