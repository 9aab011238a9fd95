package org.mtb.notification.flow;

import org.mtb.contracts.Topics;
import org.mtb.stack.EmbeddedMongo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The flow against an in-JVM KRaft broker and an in-JVM MongoDB wire-protocol server. */
// Closed after the class while the Mongo server, which lives as long as the JVM, still answers.
@DirtiesContext
@EmbeddedKafka(partitions = 1, topics = {Topics.APPLICATION_SUBMITTED, Topics.APPLICATION_DECIDED,
        Topics.SUPPLEMENT_REQUESTED, Topics.SUPPLEMENT_LAPSED, Topics.APPLICATION_WITHDRAWN, Topics.REVIEW_EXTENDED,
        Topics.PUBLIC_NOTICE_STARTED, Topics.OBJECTION_RAISED, Topics.OBJECTION_SETTLED, Topics.QUALIFICATION_GRANTED,
        Topics.QUALIFICATION_REVOKED, Topics.RECHECK_DUE, Topics.QUALIFICATION_EXPIRED})
class NotificationFlowTests extends NotificationFlowScenario {

    static final EmbeddedMongo MONGO = EmbeddedMongo.inMemory();

    @Autowired
    EmbeddedKafkaBroker broker;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MONGO.uri("mtb_notification"));
        registry.add("spring.cloud.stream.kafka.binder.brokers", () -> System.getProperty("spring.embedded.kafka.brokers"));
    }

    @Override
    String bootstrapServers() {
        return broker.getBrokersAsString();
    }

}
