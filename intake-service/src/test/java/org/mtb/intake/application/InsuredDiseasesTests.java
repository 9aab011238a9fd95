package org.mtb.intake.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.mtb.contracts.Channel;
import org.mtb.contracts.DiseaseCategory;
import org.mtb.contracts.InsuranceType;
import org.mtb.contracts.intake.Applicant;
import org.mtb.contracts.intake.Hospital;
import org.mtb.intake.application.InsuredDiseases.Settlement;
import org.mtb.stack.EmbeddedMongo;
import org.springframework.data.mongodb.core.MongoTemplate;

/** What the changes of a poll write for the people's diseases, on the embedded MongoDB over a real socket. */
class InsuredDiseasesTests {

    private static final EmbeddedMongo MONGO = EmbeddedMongo.inMemory();
    private static final MongoClient CLIENT = MongoClients.create(MONGO.uri("admin"));
    private static final Instant NOW = Instant.parse("2026-12-02T02:00:00Z");

    private final MongoTemplate mongo = new MongoTemplate(CLIENT, "insured_" + System.nanoTime());
    private final InsuredDiseases diseases = new InsuredDiseases(mongo, new Applications(mongo));

    @AfterAll
    static void stop() {
        CLIENT.close();
        MONGO.close();
    }

    @Test
    void settlesAPollsGrantsReleasesAndRevocationsInTheirOrder() {
        Application first = application("620900-20261202-000001", "person-1");
        Application second = application("620900-20261202-000002", "person-2");
        Application third = application("620900-20261202-000003", "person-3");
        for (Application application : List.of(first, second, third)) {
            assertThat(diseases.claim(InsuredDiseases.key(application), application.applicationNumber(), "key-"
                    + application.applicationNumber(), NOW).taken()).isTrue();
        }

        diseases.settleAll(List.of(new Settlement(first, ApplicationStatus.APPROVED),
                new Settlement(second, ApplicationStatus.APPROVED),
                new Settlement(second, ApplicationStatus.QUALIFICATION_REVOKED),
                new Settlement(third, ApplicationStatus.REJECTED)));

        assertThat(held(first)).as("granted, and its claim released")
                .containsEntry("qualificationNumber", first.applicationNumber()).doesNotContainKey("applicationNumber");
        assertThat(held(second)).as("granted, then revoked in the same poll: forgotten")
                .doesNotContainKeys("qualificationNumber", "applicationNumber");
        assertThat(held(third)).as("rejected: released, nothing granted")
                .doesNotContainKeys("qualificationNumber", "applicationNumber");
    }

    @Test
    void releasesOnlyTheClaimItsApplicationStillHoldsAndSettlesAgainAlike() {
        Application ended = application("620900-20261202-000011", "person-4");
        Application later = application("620900-20261202-000012", "person-4");
        diseases.claim(InsuredDiseases.key(later), later.applicationNumber(), "key-later", NOW);
        List<Settlement> poll = List.of(new Settlement(ended, ApplicationStatus.WITHDRAWN),
                new Settlement(application("620900-20261202-000013", null), ApplicationStatus.APPROVED));

        diseases.settleAll(poll);
        diseases.settleAll(poll);

        assertThat(held(later)).as("the later application's claim stays")
                .containsEntry("applicationNumber", later.applicationNumber()).doesNotContainKey("qualificationNumber");
        assertThat(mongo.count(new org.springframework.data.mongodb.core.query.Query(), InsuredDiseases.COLLECTION))
                .as("an application from before blind indexes writes nothing").isEqualTo(1);
    }

    private Document held(Application application) {
        Document held = mongo.findById(InsuredDiseases.key(application), Document.class, InsuredDiseases.COLLECTION);
        assertThat(held).isNotNull();
        return held;
    }

    private static Application application(String number, @Nullable String personIndex) {
        return new Application(number, "k-" + number, "f", "620900", "M03900", "高血压", DiseaseCategory.CHRONIC,
                new Applicant("enc:id", "enc:name", "enc:phone", InsuranceType.EMPLOYEE, personIndex, null),
                new Hospital("酒泉市人民医院", 3, null), "enc:summary", Channel.APP, NOW, ApplicationStatus.UNDER_REVIEW,
                List.of(new TimelineEntry(ApplicationStatus.SUBMITTED, NOW, "已受理")), List.of(), 0L, List.of(), null,
                null, null, null, null, null, null, null, null, null, null, null);
    }
}
