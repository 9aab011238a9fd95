package org.mtb.review.reviewcase;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.mtb.contracts.Topics;
import org.mtb.contracts.intake.ApplicationSubmitted;
import org.mtb.contracts.review.ReviewStarted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.messaging.Message;
import tools.jackson.databind.json.JsonMapper;

/**
 * Opens a case for each submitted application. The case id is the application number, so the insert is
 * its own idempotency check: a redelivered or replayed submission finds the case there and changes nothing.
 */
@Configuration(proxyBeanMethods = false)
class CaseOpener {

    private static final Logger log = LoggerFactory.getLogger(CaseOpener.class);

    private final MongoTemplate mongo;
    private final JsonMapper json;
    private final Clock clock;
    private final MeterRegistry meters;

    CaseOpener(MongoTemplate mongo, JsonMapper json, Clock clock, MeterRegistry meters) {
        this.mongo = mongo;
        this.json = json;
        this.clock = clock;
        this.meters = meters;
    }

    @Bean
    Consumer<Message<byte[]>> onApplicationSubmitted() {
        return message -> open(json.readValue(message.getPayload(), ApplicationSubmitted.class));
    }

    void open(ApplicationSubmitted submitted) {
        Instant now = clock.instant();
        ReviewStarted started = new ReviewStarted(UUID.randomUUID(), ReviewStarted.SCHEMA_VERSION, now,
                submitted.applicationNumber(), submitted.regionCode(), now);
        OutboxEntry event = new OutboxEntry(started.eventId().toString(), Topics.REVIEW_STARTED,
                submitted.applicationNumber(), json.writeValueAsString(started), now);
        ReviewCase opened = new ReviewCase(submitted.applicationNumber(), submitted.eventId().toString(),
                submitted.regionCode(), submitted.diseaseCode(), submitted.diseaseName(), submitted.diseaseCategory(),
                submitted.applicant(), submitted.hospital(), submitted.conditionSummary(), submitted.channel(),
                submitted.submittedAt(), now, CaseStatus.OPEN, null, List.of(event));
        try {
            mongo.insert(opened);
        } catch (DuplicateKeyException alreadyOpen) {
            meters.counter("review.events.duplicates").increment();
            log.debug("Case {} is already open; event {} ignored", submitted.applicationNumber(), submitted.eventId());
            return;
        }
        meters.counter("review.cases.opened", "region", submitted.regionCode()).increment();
        log.info("Case {} opened for {} in region {}", submitted.applicationNumber(), submitted.diseaseCode(),
                submitted.regionCode());
    }
}
