package org.mtb.support.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mtb.support.security.Caller;
import org.mtb.support.security.Role;
import org.mtb.support.testing.LocalMongo;
import org.mtb.support.testing.TestClock;
import org.springframework.data.mongodb.core.MongoTemplate;

@ExtendWith(LocalMongo.class)
class PersonalDataAccessLogTests {

    @Test
    void recordsWhoOpenedWhichRecordWhenAndWhyAndCountsIt() {
        MongoTemplate mongo = new MongoTemplate(LocalMongo.client(), "access_" + System.nanoTime());
        TestClock clock = TestClock.at("2026-11-30T02:00:00Z");
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        PersonalDataAccessLog log = new PersonalDataAccessLog(mongo, clock, "review-service", meters);
        Caller reviewer = new Caller("f3a1-reviewer", "reviewer-620900", "mtb-cli",
                Set.of(Role.REVIEWER, Role.SUPERVISOR), List.of("620900"), null, "should-never-be-recorded");

        log.record(reviewer, "620900-20261130-000001", List.of("applicant.idNumber"), "核对身份证件与诊断证明姓名一致");
        log.record(reviewer, "620900-20261130-000002", List.of("applicant.idNumber", "applicant.name"), "other");

        List<PersonalDataAccessLog.Access> opened = log.of("620900-20261130-000001");
        assertThat(opened).singleElement().satisfies(access -> {
            assertThat(access.subject()).isEqualTo("f3a1-reviewer");
            assertThat(access.username()).isEqualTo("reviewer-620900");
            assertThat(access.roles()).containsExactly("REVIEWER", "SUPERVISOR");
            assertThat(access.at()).isEqualTo(clock.instant());
            assertThat(access.fields()).containsExactly("applicant.idNumber");
            assertThat(access.purpose()).isEqualTo("核对身份证件与诊断证明姓名一致");
            assertThat(access.service()).isEqualTo("review-service");
        });
        assertThat(mongo.getCollection(PersonalDataAccessLog.COLLECTION).find().into(new java.util.ArrayList<>())
                .toString()).doesNotContain("should-never-be-recorded");
        assertThat(meters.counter("mtb.personal.data.opened", "service", "review-service").count()).isEqualTo(2);
    }
}
