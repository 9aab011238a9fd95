package org.mtb.intake.material;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mtb.intake.material.MaterialSamples.requirement;

import io.micrometer.core.instrument.MeterRegistry;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mtb.stack.EmbeddedMongo;
import org.mtb.support.crypto.PersonalDataAccessLog;
import org.mtb.support.security.Role;
import org.mtb.support.security.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Uploads and reads over real sockets, against the in-JVM MongoDB server (GridFS included) and Kafka broker. The
 * container's limit is set to 2 MB here, and the catalog allows 1 MB per material, so that both limits are reached
 * with small bodies.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.servlet.multipart.max-file-size=2MB", "spring.servlet.multipart.max-request-size=3MB"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
// Closed after the class while the Mongo server, which lives as long as the JVM, still answers.
@DirtiesContext
@EmbeddedKafka(partitions = 1)
class MaterialFlowTests {

    static final EmbeddedMongo MONGO = EmbeddedMongo.inMemory();
    static final String ZHANG = TestTokens.applicant("applicant-zhang", "11010519491231002X");
    static final String LI = TestTokens.applicant("applicant-li", "620902198001011232");

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    JsonMapper json;

    @Autowired
    Materials materials;

    @Autowired
    MaterialCleanup cleanup;

    @Autowired
    PersonalDataAccessLog accessLog;

    @Autowired
    MeterRegistry meters;

    RestClient http;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MONGO.uri("mtb_intake_materials"));
        registry.add("spring.cloud.stream.kafka.binder.brokers", () -> System.getProperty("spring.embedded.kafka.brokers"));
    }

    @BeforeAll
    void catalog() {
        http = RestClient.builder().baseUrl("http://127.0.0.1:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { }).build();
        mongo.save(MaterialSamples.region("659006", List.of(requirement("ID_CARD", 1, "JPG", "PNG"),
                requirement("DIAGNOSIS_CERTIFICATE", 1, "PDF", "JPG"))));
    }

    @Test
    void storesAnUploadAndAnswersTheSameMaterialForTheSameBytesAgain() throws Exception {
        byte[] jpeg = MaterialSamples.jpeg(64, 48);

        var first = upload(ZHANG, jpeg, "ID_CARD");
        var again = upload(ZHANG, jpeg, "ID_CARD");
        var asAnotherItem = upload(ZHANG, jpeg, "DIAGNOSIS_CERTIFICATE");

        assertThat(first.getStatusCode().value()).isEqualTo(201);
        JsonNode material = json.readTree(first.getBody());
        String id = material.get("materialId").asString();
        assertThat(first.getHeaders().getLocation()).hasToString("/api/v1/materials/" + id);
        assertThat(material.get("sha256").asString()).isEqualTo(sha256(jpeg));
        assertThat(material.get("detectedType").asString()).isEqualTo("image/jpeg");
        assertThat(material.get("format").asString()).isEqualTo("JPG");
        assertThat(material.get("size").asLong()).isEqualTo(jpeg.length);
        assertThat(material.get("regionCode").asString()).isEqualTo("659006");
        assertThat(again.getStatusCode().value()).as("the same upload again").isEqualTo(200);
        assertThat(json.readTree(again.getBody()).get("materialId").asString()).isEqualTo(id);
        assertThat(asAnotherItem.getStatusCode().value()).as("the same bytes as another item").isEqualTo(201);
        assertThat(json.readTree(asAnotherItem.getBody()).get("materialId").asString()).isNotEqualTo(id);
    }

    @Test
    void refusesAnExecutableNamedAsAJpegAndStoresNothing() {
        Map<String, Long> before = stored();
        double refusedBefore = meters.counter("intake.materials.refused", "code", "MATERIAL_FORMAT_NOT_ALLOWED").count();

        var refused = upload(ZHANG, MaterialSamples.windowsExecutable(), "ID_CARD");

        assertProblem(refused, 422, "MATERIAL_FORMAT_NOT_ALLOWED");
        assertThat(json.readTree(refused.getBody()).get("detail").asString()).contains("application/x-msdownload");
        assertThat(stored()).isEqualTo(before);
        assertThat(meters.counter("intake.materials.refused", "code", "MATERIAL_FORMAT_NOT_ALLOWED").count())
                .isEqualTo(refusedBefore + 1);
    }

    @Test
    void refusesUploadsOverTheMaterialsLimitAndOverTheServicesLimitWithAProblem() {
        Map<String, Long> before = stored();
        byte[] overCatalogLimit = Arrays.copyOf(MaterialSamples.jpeg(32, 32), 1024 * 1024 + 512 * 1024);
        byte[] overServiceLimit = Arrays.copyOf(MaterialSamples.jpeg(32, 32), 2 * 1024 * 1024 + 512 * 1024);

        var overMaterial = upload(ZHANG, overCatalogLimit, "ID_CARD");
        var overService = upload(ZHANG, overServiceLimit, "ID_CARD");

        assertProblem(overMaterial, 413, "MATERIAL_TOO_LARGE");
        assertThat(json.readTree(overMaterial.getBody()).get("detail").asString()).contains("1 MB");
        assertProblem(overService, 413, "MATERIAL_TOO_LARGE");
        assertThat(json.readTree(overService.getBody()).get("detail").asString()).contains("2 MB");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void namesEveryMissingPartAndRefusesUnknownRegionsTypesAndOtherRegionsClerks() {
        MultipartBodyBuilder nothing = new MultipartBodyBuilder();
        nothing.part("note", "no file");
        var missing = http.post().uri("/api/v1/materials").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(ZHANG))
                .contentType(MediaType.MULTIPART_FORM_DATA).body(nothing.build()).retrieve().toEntity(String.class);
        byte[] png = MaterialSamples.png(20, 20);
        String clerk = TestTokens.staff(Role.COUNTER_CLERK, "clerk-620900", "620900");

        assertProblem(missing, 400, "VALIDATION_FAILED");
        assertThat(json.readTree(missing.getBody()).get("errors").valueStream().map(e -> e.get("field").asString()))
                .containsExactly("file", "type", "regionCode");
        assertProblem(upload(ZHANG, png, "ID_CARD", "999999"), 422, "REGION_NOT_SUPPORTED");
        assertProblem(upload(ZHANG, png, "SELFIE", "659006"), 422, "MATERIAL_TYPE_UNKNOWN");
        assertProblem(upload(clerk, png, "ID_CARD", "659006"), 403, "REGION_OUT_OF_SCOPE");
        assertProblem(upload(TestTokens.staff(Role.REVIEWER, "reviewer-659006", "659006"), png, "ID_CARD", "659006"),
                403, "ROLE_NOT_ALLOWED");
    }

    @Test
    void answersTheBytesToTheOwnerAndTheRegionsReviewersOnlyRecordingTheReviewersReading() throws Exception {
        byte[] pdf = MaterialSamples.pdf();
        String id = json.readTree(upload(ZHANG, pdf, "DIAGNOSIS_CERTIFICATE").getBody()).get("materialId").asString();
        String reviewer = TestTokens.staff(Role.REVIEWER, "reviewer-659006", "659006");
        String otherReviewer = TestTokens.staff(Role.REVIEWER, "reviewer-620900", "620900");

        ResponseEntity<byte[]> owners = content(ZHANG, id);
        assertThat(owners.getStatusCode().value()).isEqualTo(200);
        assertThat(owners.getBody()).as("read back from GridFS").isEqualTo(pdf);
        assertThat(owners.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        assertThat(owners.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).startsWith("attachment")
                .contains(id + ".pdf");
        assertThat(owners.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(owners.getHeaders().getCacheControl()).contains("no-store");
        assertThat(accessLog.of(id)).as("the owner's own reading").isEmpty();

        assertThat(content(LI, id).getStatusCode().value()).isEqualTo(404);
        assertThat(get(LI, "/api/v1/materials/" + id).getStatusCode().value()).isEqualTo(404);
        assertThat(content(otherReviewer, id).getStatusCode().value()).isEqualTo(404);
        ResponseEntity<byte[]> reviewers = content(reviewer, id);
        assertThat(reviewers.getStatusCode().value()).isEqualTo(200);
        assertThat(reviewers.getBody()).isEqualTo(pdf);
        assertThat(accessLog.of(id)).singleElement().satisfies(access -> {
            assertThat(access.subject()).isEqualTo("reviewer-659006");
            assertThat(access.fields()).containsExactly("material:DIAGNOSIS_CERTIFICATE");
        });
        assertThat(json.readTree(get(reviewer, "/api/v1/materials/" + id).getBody()).get("sha256").asString())
                .isEqualTo(sha256(pdf));
        assertProblem(get(ZHANG, "/api/v1/materials/no-such-material"), 404, "MATERIAL_NOT_FOUND");

        // A reviewer narrowed to an institution reads only the materials of applications diagnosed there.
        String hospital = TestTokens.token("reviewer-h1").roles(Role.REVIEWER).regions("659006")
                .claim("institution", "H65900600001").claim("azp", "mtb-cli").sign();
        assertThat(content(hospital, id).getStatusCode().value()).as("not yet part of an application").isEqualTo(404);
        materials.attach(List.of(id), "659006-20261123-000009", "H65900600002");
        assertThat(content(hospital, id).getStatusCode().value()).as("diagnosed elsewhere").isEqualTo(404);
        String ours = json.readTree(upload(ZHANG, MaterialSamples.png(40, 41), "ID_CARD").getBody()).get("materialId")
                .asString();
        materials.attach(List.of(ours), "659006-20261123-000010", "H65900600001");
        assertThat(content(hospital, ours).getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void removesOldUnreferencedUploadsAndKeepsReferencedOnes() {
        String unreferenced = json.readTree(upload(ZHANG, MaterialSamples.png(30, 31), "ID_CARD").getBody())
                .get("materialId").asString();
        String referenced = json.readTree(upload(ZHANG, MaterialSamples.png(31, 30), "ID_CARD").getBody())
                .get("materialId").asString();
        materials.attach(List.of(referenced), "659006-20261123-000001", null);
        Instant uploadedAt = materials.ownedBy("applicant-zhang", List.of(unreferenced)).get(unreferenced).uploadedAt();

        cleanup.removeUnreferencedUploadedBefore(uploadedAt);
        assertThat(materials.ownedBy("applicant-zhang", List.of(unreferenced))).as("not yet past the time")
                .containsOnlyKeys(unreferenced);
        assertThat(cleanup.removeUnreferencedUploadedBefore(uploadedAt.plus(25, ChronoUnit.HOURS))).isPositive();

        Map<String, StoredMaterial> left = materials.ownedBy("applicant-zhang", List.of(unreferenced, referenced));
        assertThat(left).containsOnlyKeys(referenced);
        assertThat(left.get(referenced).applicationNumber()).as("kept for its application")
                .isEqualTo("659006-20261123-000001");
        assertThat(content(ZHANG, unreferenced).getStatusCode().value()).isEqualTo(404);
        assertThat(content(ZHANG, referenced).getBody()).isEqualTo(MaterialSamples.png(31, 30));
        assertThat(materials.ownedBy("applicant-li", List.of(referenced))).as("another owner's").isEmpty();
        assertThat(mongo.getCollection("fs.files").countDocuments(new org.bson.Document("metadata.materialId",
                unreferenced))).as("its bytes").isZero();
    }

    private ResponseEntity<String> upload(String token, byte[] bytes, String type) {
        return upload(token, bytes, type, "659006");
    }

    private ResponseEntity<String> upload(String token, byte[] bytes, String type, String regionCode) {
        MultipartBodyBuilder parts = new MultipartBodyBuilder();
        // The name and declared type say JPEG whatever the bytes are: neither is believed.
        parts.part("file", bytes).filename("scan.jpg").contentType(MediaType.IMAGE_JPEG);
        parts.part("type", type);
        parts.part("regionCode", regionCode);
        return http.post().uri("/api/v1/materials").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(token))
                .contentType(MediaType.MULTIPART_FORM_DATA).body(parts.build()).retrieve().toEntity(String.class);
    }

    private ResponseEntity<byte[]> content(String token, String id) {
        return http.get().uri("/api/v1/materials/{id}/content", id)
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(token)).retrieve().toEntity(byte[].class);
    }

    private ResponseEntity<String> get(String token, String path) {
        return http.get().uri(path).header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(token)).retrieve()
                .toEntity(String.class);
    }

    private void assertProblem(ResponseEntity<String> answer, int status, String code) {
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(status);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(json.readTree(answer.getBody()).get("code").asString()).isEqualTo(code);
    }

    /** The documents of materials and of GridFS. */
    private Map<String, Long> stored() {
        return Map.of("materials", mongo.getCollection(Material.COLLECTION).countDocuments(),
                "fs.files", mongo.getCollection("fs.files").countDocuments(),
                "fs.chunks", mongo.getCollection("fs.chunks").countDocuments());
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
