package org.mtb.support.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mtb.support.scheduling.DedicatedLoop;
import org.mtb.support.testing.LocalMongo;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.data.mongodb.core.MongoTemplate;

@ExtendWith(LocalMongo.class)
class OutboxAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(OutboxAutoConfiguration.class))
            .withBean(MongoTemplate.class, () -> new MongoTemplate(LocalMongo.client(), "outbox_configuration"))
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
            .withBean(StreamBridge.class, () -> mock(StreamBridge.class))
            .withPropertyValues("spring.application.name=review-service");

    @Test
    void setsUpNothingForAServiceWithoutAnOutbox() {
        runner.run(context -> assertThat(context).doesNotHaveBean(PendingOutbox.class)
                .doesNotHaveBean(OutboxRelay.class).doesNotHaveBean(DedicatedLoop.class));
    }

    @Test
    void givesAServiceWithAnOutboxItsMarksARelayOnLoopsOfItsOwnAndMetricsTaggedWithItsName() {
        runner.withPropertyValues("mtb.outbox.enabled=true", "mtb.outbox.collections=review_cases").run(context -> {
            assertThat(context).hasSingleBean(PendingOutbox.class).hasSingleBean(OutboxRelay.class)
                    .hasSingleBean(KafkaOutboxPublisher.class);
            assertThat(context.getBeansOfType(DedicatedLoop.class)).containsOnlyKeys("outboxRelayLoop",
                    "outboxSweepLoop");
            assertThat(context.getBean("outboxRelayLoop", DedicatedLoop.class).isRunning()).isTrue();
            MeterRegistry meters = context.getBean(MeterRegistry.class);
            assertThat(meters.get("mtb.outbox.marks.pending").tag("service", "review-service").gauge()).isNotNull();
            assertThat(meters.get("mtb.outbox.events.parked").tag("service", "review-service").gauge()).isNotNull();
        });
    }

    @Test
    void refusesAClaimThatWouldLapseWithinARound() {
        runner.withPropertyValues("mtb.outbox.enabled=true", "mtb.outbox.claim-duration=5s",
                "mtb.outbox.round-timeout=10s").run(context -> assertThat(context).hasFailed()
                        .getFailure().rootCause().hasMessageContaining("mtb.outbox.claim-duration"));
    }
}
