package org.mtb.support.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one metric family of every service's outbox, {@code mtb.outbox.*}, tagged with the service's name; the
 * dashboards and alert rules in {@code deploy/} read these names.
 */
class OutboxMetrics {

    private final Counter published;
    private final Counter retriableFailures;
    private final Counter rejections;
    private final Counter timeouts;
    private final AtomicLong pendingMarks = new AtomicLong();
    private final AtomicLong oldestMarkAgeMillis = new AtomicLong();
    private final AtomicLong parked = new AtomicLong();

    OutboxMetrics(MeterRegistry meters, String service) {
        this.published = Counter.builder("mtb.outbox.events.published").tag("service", service)
                .description("Outbox events Kafka acknowledged").register(meters);
        this.retriableFailures = failures(meters, service, "retriable");
        this.rejections = failures(meters, service, "rejected");
        this.timeouts = failures(meters, service, "timeout");
        Gauge.builder("mtb.outbox.marks.pending", pendingMarks, AtomicLong::get).tag("service", service)
                .description("Marks of documents with events not yet published").register(meters);
        Gauge.builder("mtb.outbox.oldest.mark.age", oldestMarkAgeMillis, age -> age.get() / 1000.0)
                .tag("service", service).baseUnit("seconds")
                .description("How long the oldest unpublished mark has waited").register(meters);
        Gauge.builder("mtb.outbox.events.parked", parked, AtomicLong::get).tag("service", service)
                .description("Documents whose events Kafka kept refusing, parked for ops").register(meters);
    }

    private static Counter failures(MeterRegistry meters, String service, String kind) {
        return Counter.builder("mtb.outbox.publish.failures").tag("service", service).tag("kind", kind)
                .description("Documents whose events could not be published in a round, by kind of failure")
                .register(meters);
    }

    void published(int events) {
        published.increment(events);
    }

    void retriableFailure() {
        retriableFailures.increment();
    }

    void rejected() {
        rejections.increment();
    }

    void timedOut() {
        timeouts.increment();
    }

    void pending(long marks, long oldestAgeMillis) {
        pendingMarks.set(marks);
        oldestMarkAgeMillis.set(oldestAgeMillis);
    }

    void parked(long documents) {
        parked.set(documents);
    }
}
