package org.mtb.intake.flow;

import org.mtb.contracts.Topics;
import org.mtb.stack.EmbeddedMongo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An extended deadline and the decision's aftermath against an in-JVM KRaft broker and an in-JVM MongoDB
 * wire-protocol server.
 */
// Closed after the class while the Mongo server, which lives as long as the JVM, still answers.
@DirtiesContext
@EmbeddedKafka(partitions = 1, topics = {Topics.CATALOG_PUBLISHED, Topics.REVIEW_STARTED, Topics.REVIEW_EXTENDED,
        Topics.APPLICATION_DECIDED, Topics.PUBLIC_NOTICE_STARTED, Topics.OBJECTION_RAISED, Topics.OBJECTION_SETTLED,
        Topics.QUALIFICATION_GRANTED, Topics.QUALIFICATION_REVOKED, Topics.QUALIFICATION_EXPIRED})
class DecisionAftermathTests extends DecisionAftermathScenario {

    static final EmbeddedMongo MONGO = EmbeddedMongo.inMemory();

    @Autowired
    EmbeddedKafkaBroker broker;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MONGO.uri("mtb_intake_aftermath"));
        registry.add("spring.cloud.stream.kafka.binder.brokers", () -> System.getProperty("spring.embedded.kafka.brokers"));
    }

    @Override
    String bootstrapServers() {
        return broker.getBrokersAsString();
    }
}
