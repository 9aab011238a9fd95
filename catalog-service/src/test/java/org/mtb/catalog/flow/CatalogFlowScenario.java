package org.mtb.catalog.flow;

import org.mtb.stack.KafkaTestClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mtb.contracts.DiseaseCategory;
import org.mtb.contracts.Topics;
import org.mtb.contracts.catalog.CatalogDisease;
import org.mtb.contracts.catalog.CatalogPublished;
import org.mtb.contracts.catalog.Period;
import org.mtb.contracts.catalog.ReviewRules;
import org.mtb.support.apidocs.ApiDocumentation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The catalog flow over real sockets: the shipped region files loaded into Mongo at start, served over HTTP
 * and published through the outbox to Kafka. Run against the in-JVM broker and Mongo server, and against
 * containers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CatalogFlowScenario {

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    RestClient http;
    KafkaTestClient kafka;

    abstract String bootstrapServers();

    @BeforeAll
    void connect() {
        http = RestClient.builder().baseUrl("http://127.0.0.1:" + port)
                .defaultHeader(org.springframework.http.HttpHeaders.AUTHORIZATION,
                        org.mtb.support.security.TestTokens.bearer(
                                org.mtb.support.security.SignedInRequests.everyRole()))
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { }).build();
        kafka = new KafkaTestClient(bootstrapServers());
    }

    @AfterAll
    void disconnect() {
        kafka.close();
    }

    @Test
    void listsTheThreeSeedRegionsSayingWhichListsAreComplete() {
        JsonNode regions = get("/api/v1/regions");

        assertThat(regions.valueStream().map(r -> r.get("regionCode").asString()).toList())
                .containsExactly("520200", "620900", "659006");
        assertThat(regions.valueStream().collect(Collectors.toMap(r -> r.get("regionCode").asString(),
                r -> r.get("complete").asBoolean())))
                .containsExactlyInAnyOrderEntriesOf(Map.of("520200", false, "620900", false, "659006", true));
        assertThat(regions.get(1).get("declaredDiseaseCount").get("total").asInt()).isEqualTo(68);
    }

    @Test
    void servesAllThirtyDiseasesOfTiemenguanWithTheirSources() {
        JsonNode tiemenguan = get("/api/v1/regions/659006/diseases");

        assertThat(tiemenguan.get("diseases").size()).isEqualTo(30);
        assertThat(tiemenguan.get("complete").asBoolean()).isTrue();
        JsonNode haemophilia = get("/api/v1/regions/659006/diseases/M01200");
        assertThat(haemophilia.get("name").asString()).isEqualTo("血友病");
        assertThat(haemophilia.get("codeSource").asString()).startsWith("national code CONFIRMED");
    }

    @Test
    void servesTheReviewRulesOfThePolicyAndTheChecklistOfADiseaseWithTheirSources() {
        JsonNode review = get("/api/v1/regions/620900/policy").get("policy").get("review");
        assertThat(review.get("routing").get("panelSize").asInt()).isEqualTo(2);
        assertThat(review.get("routingSource").asString()).contains("组织专家进行医学鉴定");
        assertThat(review.get("rejectionReasons").valueStream().map(r -> r.get("code").asString()).toList())
                .contains("NOT_INSURED_IN_REGION");

        JsonNode lungCancer = get("/api/v1/regions/620900/diseases/L620900-002");
        assertThat(lungCancer.get("criteria").get(0).get("text").asString()).isEqualTo("病理报告证实肺癌诊断");
        assertThat(lungCancer.get("criteriaSource").asString()).contains("认定要点");
    }

    @Test
    void answersAnUnknownRegionWithAProblem() {
        var response = http.get().uri("/api/v1/regions/110000").retrieve().toEntity(String.class);

        assertThat(response.getStatusCode().value()).isEqualTo(404);
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(json.readTree(response.getBody()).get("code").asString()).isEqualTo("REGION_NOT_FOUND");
    }

    @Test
    void publishesTheCatalogOfEveryRegionKeyedByRegionCode() {
        List<ConsumerRecord<String, String>> records = await().atMost(Duration.ofSeconds(30)).until(
                () -> kafka.readAll(Topics.CATALOG_PUBLISHED, Duration.ofSeconds(2)),
                read -> read.stream().map(ConsumerRecord::key).collect(Collectors.toSet())
                        .containsAll(Set.of("520200", "620900", "659006")));

        List<CatalogPublished> tiemenguan = records.stream().filter(r -> "659006".equals(r.key()))
                .map(r -> json.readValue(r.value(), CatalogPublished.class)).toList();
        assertThat(tiemenguan).isNotEmpty().allSatisfy(event -> {
            assertThat(event.schemaVersion()).isEqualTo(CatalogPublished.SCHEMA_VERSION);
            assertThat(event.regionName()).isEqualTo("铁门关市");
            assertThat(event.version()).isEqualTo("2025.3");
            assertThat(event.policy().supplementWithin()).isEqualTo(new Period(30, Period.Unit.CALENDAR_DAYS));
            ReviewRules review = event.policy().reviewRules();
            assertThat(review.instantFiling().categories()).containsExactly(DiseaseCategory.SPECIAL);
            assertThat(review.extension().by()).isEqualTo(new Period(10, Period.Unit.WORKING_DAYS));
            assertThat(event.policy().materials()).allSatisfy(m -> assertThat(m.formats()).contains("PNG"));
            assertThat(event.diseases()).hasSize(30)
                    .contains(new CatalogDisease("M01200", "血友病", DiseaseCategory.SPECIAL));
        });
    }

    @Test
    void reportsHealthUpWithMongo() {
        JsonNode health = get("/actuator/health");

        assertThat(health.get("status").asString()).isEqualTo("UP");
        assertThat(health.get("components").get("mongo").get("status").asString()).isEqualTo("UP");
    }

    @Test
    void countsPublishedCatalogsPerRegionForPrometheus() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                http.get().uri("/actuator/prometheus").retrieve().body(String.class))
                .containsPattern("catalog_catalogs_published_total\\{.*region=\"659006\".*} [1-9]"));
    }

    private JsonNode get(String path) {
        var response = http.get().uri(path).retrieve().toEntity(String.class);
        assertThat(response.getStatusCode().value()).as(path).isEqualTo(200);
        return json.readTree(response.getBody());
    }

    @Test
    void documentsEveryEndpointInItsOpenApiDocumentServedWithoutAToken(
            @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings) {
        ApiDocumentation.assertComplete(port, mappings, 10);
    }
}
