package org.mtb.review.reviewcase;

import java.time.Instant;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.bson.Document;
import org.mtb.support.crypto.FieldCipher;
import org.mtb.support.crypto.SealedCollection;
import org.mtb.support.security.Caller;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The objectors' personal data and their objections' texts, sealed, apart from the case (which only counts and
 * settles objections), so that the re-encryption job finds them by path and the public list never carries them.
 */
@Configuration(proxyBeanMethods = false)
class Objectors {

    static final String COLLECTION = "objections";
    private static final Map<String, UnaryOperator<String>> CONTEXTS = Map.of(
            "objectorName", number -> "objection.objector-name:" + number,
            "contact", number -> "objection.contact:" + number,
            "statement", number -> "objection.statement:" + number);

    private final MongoTemplate mongo;
    private final FieldCipher cipher;

    Objectors(MongoTemplate mongo, FieldCipher cipher) {
        this.mongo = mongo;
        this.cipher = cipher;
    }

    @Bean
    static SealedCollection sealedObjections() {
        return new SealedCollection(COLLECTION, "applicationNumber", CONTEXTS);
    }

    /** Keeps the objection's own data before the case counts it; a second write of the same id replaces it. */
    void keep(String objectionId, String applicationNumber, ObjectionBody body, Caller recordedBy, Instant at) {
        Document objection = new Document("_id", objectionId).append("applicationNumber", applicationNumber)
                .append("recordedBy", recordedBy.username()).append("recordedAt", java.util.Date.from(at));
        objection.append("objectorName", seal("objectorName", body.objectorName(), applicationNumber));
        objection.append("contact", seal("contact", body.contact(), applicationNumber));
        objection.append("statement", seal("statement", body.statement(), applicationNumber));
        mongo.save(objection, COLLECTION);
    }

    private String seal(String field, String clear, String applicationNumber) {
        return cipher.seal(clear.strip(), CONTEXTS.get(field).apply(applicationNumber));
    }
}
