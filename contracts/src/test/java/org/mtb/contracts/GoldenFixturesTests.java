package org.mtb.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mtb.contracts.catalog.CatalogPublished;
import org.mtb.contracts.intake.ApplicationSubmitted;
import org.mtb.contracts.review.ApplicationDecided;
import org.mtb.contracts.review.DecisionOutcome;
import org.mtb.contracts.review.ReviewStarted;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class GoldenFixturesTests {

    private final JsonMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    @Test
    void deserializesApplicationSubmittedV1Fixture() throws IOException {
        ApplicationSubmitted event = read("application-submitted.v1.json", ApplicationSubmitted.class);

        assertThat(event.eventId()).isEqualTo(UUID.fromString("5f0c6a56-0f6e-4a0e-9a53-6f6f1d2b9c11"));
        assertThat(event.schemaVersion()).isEqualTo(ApplicationSubmitted.SCHEMA_VERSION);
        assertThat(event.applicationNumber()).isEqualTo("620900-20261123-000001");
        assertThat(event.diseaseCategory()).isEqualTo(DiseaseCategory.CHRONIC);
        assertThat(event.applicant().insuranceType()).isEqualTo(InsuranceType.EMPLOYEE);
        assertThat(event.applicant().idNumber()).isEqualTo("11010519491231002X");
        assertThat(event.hospital().level()).isEqualTo(3);
        assertThat(event.channel()).isEqualTo(Channel.APP);
        assertThat(event.submittedAt()).isEqualTo(Instant.parse("2026-11-23T02:15:30Z"));
    }

    @Test
    void deserializesReviewStartedV1Fixture() throws IOException {
        ReviewStarted event = read("review-started.v1.json", ReviewStarted.class);

        assertThat(event.applicationNumber()).isEqualTo("620900-20261123-000001");
        assertThat(event.openedAt()).isEqualTo(Instant.parse("2026-11-23T02:15:31Z"));
    }

    @Test
    void deserializesApplicationDecidedV1Fixture() throws IOException {
        ApplicationDecided event = read("application-decided.v1.json", ApplicationDecided.class);

        assertThat(event.outcome()).isEqualTo(DecisionOutcome.APPROVED);
        assertThat(event.reasons()).containsExactly("诊断明确，材料齐全");
        assertThat(event.recipient().phone()).isEqualTo("13800138000");
        assertThat(event.reviewerId()).isEqualTo("expert-007");
    }

    @Test
    void deserializesCatalogPublishedV1Fixture() throws IOException {
        CatalogPublished event = read("catalog-published.v1.json", CatalogPublished.class);

        assertThat(event.regionCode()).isEqualTo("659006");
        assertThat(event.acceptedInsuranceTypes()).containsExactly(InsuranceType.EMPLOYEE, InsuranceType.RESIDENT);
        assertThat(event.diseases()).extracting(d -> d.code()).containsExactly("M01200", "M03900");
        assertThat(event.diseases().getFirst().category()).isEqualTo(DiseaseCategory.SPECIAL);
    }

    @Test
    void ignoresFieldsAddedByALaterSchemaVersion() throws IOException {
        ObjectNode evolved = (ObjectNode) json.readTree(fixture("application-decided.v1.json"));
        evolved.put("schemaVersion", 2);
        evolved.put("appealDeadline", "2026-12-25");

        ApplicationDecided event = json.treeToValue(evolved, ApplicationDecided.class);

        assertThat(event.schemaVersion()).isEqualTo(2);
        assertThat(event.outcome()).isEqualTo(DecisionOutcome.APPROVED);
    }

    @Test
    void roundTripsWithoutLosingAField() throws IOException {
        ApplicationSubmitted original = read("application-submitted.v1.json", ApplicationSubmitted.class);

        ApplicationSubmitted copy = json.readValue(json.writeValueAsString(original), ApplicationSubmitted.class);

        assertThat(copy).isEqualTo(original);
    }

    private <T> T read(String name, Class<T> type) throws IOException {
        try (InputStream in = fixture(name)) {
            return json.readValue(in, type);
        }
    }

    private InputStream fixture(String name) {
        InputStream in = getClass().getResourceAsStream("/events/" + name);
        assertThat(in).as("fixture %s", name).isNotNull();
        return in;
    }
}
