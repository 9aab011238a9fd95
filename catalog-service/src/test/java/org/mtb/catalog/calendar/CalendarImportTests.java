package org.mtb.catalog.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mtb.catalog.CatalogServiceApplication;
import org.mtb.contracts.Topics;
import org.mtb.contracts.calendar.CalendarDay;
import org.mtb.contracts.calendar.CalendarPublished;
import org.mtb.stack.EmbeddedMongo;
import org.mtb.stack.KafkaTestClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.mtb.support.security.Caller;
import org.mtb.support.security.Role;
import org.mtb.support.security.TestTokens;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Operators import schedule years into a running catalog on the in-JVM broker and Mongo server: the regions'
 * calendars and deadlines use them at once, and each changed calendar is published with its next revision. The
 * schedule days below are test data shaped like the State Council's notices, not published schedules; each test
 * uses a year of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// Closed after the class while the Mongo server, which lives as long as the JVM, still answers.
@DirtiesContext
@EmbeddedKafka(partitions = 1, topics = Topics.CALENDAR_PUBLISHED)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CalendarImportTests {

    static final EmbeddedMongo MONGO = EmbeddedMongo.inMemory();
    static final String DATABASE = "mtb_catalog_calendar";
    static final List<String> REGIONS = List.of("520200", "620900", "659006");

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    EmbeddedKafkaBroker broker;

    RestClient http;
    KafkaTestClient kafka;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MONGO.uri(DATABASE));
        registry.add("spring.cloud.stream.kafka.binder.brokers", () -> System.getProperty("spring.embedded.kafka.brokers"));
    }

    @BeforeAll
    void connect() {
        http = client(port);
        kafka = new KafkaTestClient(broker.getBrokersAsString());
    }

    @AfterAll
    void disconnect() {
        kafka.close();
    }

    @Test
    void importedNationalYearEndsProvisionalDeadlinesAndIsPublishedForEveryRegionThatKnowsTheYear() {
        String deadline = "/api/v1/regions/620900/deadline?from=2026-12-28T10:00&workingDays=5";
        assertThat(get(deadline).get("provisional").asBoolean()).isTrue();
        Map<String, Long> before = revisions();

        var response = put("national", 2027, TestSchedules.national(2027, "2027-01-01", "2027-02-06", "2027-02-14",
                "2027-02-20"));

        assertThat(response.getStatusCode().value()).isEqualTo(201);
        JsonNode imported = json.readTree(response.getBody());
        assertThat(imported.get("importedBy").asString()).isEqualTo(TestSchedules.OPERATOR);
        // 659006 also keeps Xinjiang's own days: its 2027 stays unknown until Xinjiang's 2027 notice is loaded.
        Map<String, Long> expected = new TreeMap<>(before);
        expected.put("520200", before.get("520200") + 1);
        expected.put("620900", before.get("620900") + 1);
        assertThat(regionRevisions(imported)).isEqualTo(expected);
        assertThat(get("/api/v1/regions/659006/calendar/2027").get("provisional").asBoolean()).isTrue();
        JsonNode calendar = get("/api/v1/regions/620900/calendar/2027");
        assertThat(calendar.get("provisional").asBoolean()).isFalse();
        assertThat(calendar.get("daysOff").get(0).get("date").asString()).isEqualTo("2027-01-01");
        assertThat(calendar.get("daysOff").get(0).get("source").asString()).isEqualTo(TestSchedules.source(2027));
        JsonNode due = get(deadline);
        assertThat(due.get("provisional").asBoolean()).isFalse();
        assertThat(due.get("dueDay").asString()).as("1 January 2027 is a day off").isEqualTo("2027-01-05");

        Map<String, CalendarPublished> published = await().atMost(Duration.ofSeconds(30)).until(
                () -> publishedWithRevisions(expected), events -> events.keySet().containsAll(List.of("520200", "620900")));
        assertThat(List.of(published.get("520200"), published.get("620900"))).allSatisfy(event -> {
            assertThat(event.years()).contains(2025, 2026, 2027);
            assertThat(event.days()).contains(new CalendarDay(LocalDate.of(2027, 1, 1), CalendarDay.Kind.OFF, "元旦",
                    TestSchedules.source(2027)));
            assertThat(event.workingHours()).isNotEmpty();
        });

        assertThat(put("xinjiang", 2027, """
                {"source": "Test notice of Xinjiang's 2027 regional days, not a published schedule",
                 "days": [{"dateFrom": "2027-03-10", "dateTo": "2027-03-11", "kind": "OFF", "name": "肉孜节"}]}
                """).getStatusCode().value()).isEqualTo(201);
        assertThat(get("/api/v1/regions/659006/calendar/2027").get("provisional").asBoolean()).isFalse();
        expected.put("659006", before.get("659006") + 1);
        published = await().atMost(Duration.ofSeconds(30)).until(() -> publishedWithRevisions(expected),
                events -> events.containsKey("659006"));
        assertThat(published.get("659006").years()).contains(2027);
        assertThat(published.get("659006").workingHours().getFirst().from()).isEqualTo("05-01");
    }

    @Test
    void answersEveryProblemOfAnImportAtOnceAndImportsNothing() {
        var response = put("national", 2030, """
                {"days": [
                  {"date": "2030-01-01", "kind": "OFF", "name": "元旦"},
                  {"date": "2030-02-13", "kind": "WORKED", "name": "春节调休上班"},
                  {"date": "2029-12-31", "kind": "OFF", "name": "元旦"},
                  {"date": "2030-01-01", "kind": "OFF", "name": "元旦"}]}
                """);

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        JsonNode problem = json.readTree(response.getBody());
        assertThat(problem.get("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(problem.get("errors").valueStream().map(e -> tuple(e.get("field").asString(), e.get("code").asString())))
                .containsExactlyInAnyOrder(
                        tuple("source", "REQUIRED"),
                        tuple("days[1].kind", "NOT_A_WEEKEND_DAY"),
                        tuple("days[2].date", "OUT_OF_RANGE"),
                        tuple("days[3].date", "DUPLICATE_DATE"));
        assertThat(get("/api/v1/regions/620900/calendar/2030").get("provisional").asBoolean()).isTrue();
    }

    @Test
    void answersAnUnknownScheduleWithNotFound() {
        var response = put("guangdong", 2027, TestSchedules.national(2027, "2027-01-01", "2027-02-06", "2027-02-14",
                "2027-02-20"));

        assertThat(response.getStatusCode().value()).isEqualTo(404);
        assertThat(json.readTree(response.getBody()).get("code").asString()).isEqualTo("SCHEDULE_NOT_FOUND");
    }

    @Test
    void importingTheSameYearAgainKeepsTheRevisionAndACorrectionBumpsIt() {
        Map<String, Long> before = revisions();
        String year = TestSchedules.national(2029, "2029-01-01", "2029-02-12", "2029-02-18", "2029-02-10");

        assertThat(put("national", 2029, year).getStatusCode().value()).isEqualTo(201);
        var again = put("national", 2029, year);

        assertThat(again.getStatusCode().value()).isEqualTo(200);
        assertThat(json.readTree(again.getBody()).get("changed").asBoolean()).isFalse();
        Map<String, Long> once = new TreeMap<>(before);
        once.put("520200", before.get("520200") + 1);
        once.put("620900", before.get("620900") + 1);
        assertThat(revisions()).as("659006 does not know 2029: Xinjiang's 2029 is not loaded").isEqualTo(once);

        var corrected = put("national", 2029, TestSchedules.national(2029, "2029-01-01", "2029-02-12", "2029-02-19",
                "2029-02-10"));

        assertThat(corrected.getStatusCode().value()).isEqualTo(200);
        JsonNode view = json.readTree(corrected.getBody());
        assertThat(view.get("changed").asBoolean()).isTrue();
        assertThat(view.get("earlierImports").asInt()).isEqualTo(1);
        Map<String, Long> twice = new TreeMap<>(before);
        twice.put("520200", before.get("520200") + 2);
        twice.put("620900", before.get("620900") + 2);
        assertThat(revisions()).isEqualTo(twice);
        assertThat(get("/api/v1/regions/520200/calendar/2029").get("daysOff").valueStream()
                .map(day -> day.get("date").asString())).contains("2029-02-19");
        Document stored = mongo.findById("national:2029", Document.class, ScheduleYear.COLLECTION);
        assertThat(stored.getList("earlier", Document.class)).singleElement()
                .satisfies(earlier -> assertThat(earlier.getString("importedBy")).isEqualTo(TestSchedules.OPERATOR));
    }

    @Test
    void anOverlayYearChangesOnlyTheRegionsKeepingThatOverlay() {
        assertThat(put("national", 2028, TestSchedules.national(2028, "2028-01-03", "2028-01-26", "2028-02-01",
                "2028-02-05")).getStatusCode().value()).isEqualTo(201);
        Map<String, Long> before = revisions();

        var response = put("xinjiang", 2028, """
                {"source": "Test notice of Xinjiang's 2028 regional days, not a published schedule",
                 "days": [{"dateFrom": "2028-02-26", "dateTo": "2028-02-28", "kind": "OFF", "name": "肉孜节"}]}
                """);

        assertThat(response.getStatusCode().value()).isEqualTo(201);
        assertThat(regionRevisions(json.readTree(response.getBody()))).isEqualTo(Map.of("659006", before.get("659006") + 1));
        Map<String, Long> expected = new TreeMap<>(before);
        expected.put("659006", before.get("659006") + 1);
        assertThat(revisions()).isEqualTo(expected);
        assertThat(daysOff("659006", 2028)).contains("2028-02-28");
        assertThat(daysOff("620900", 2028)).doesNotContain("2028-02-28");
    }

    @Test
    void anotherInstanceOnTheSameDataServesImportedYearsAndPublishesNothingNew() {
        assertThat(put("national", 2031, TestSchedules.national(2031, "2031-01-01", "2031-01-22", "2031-01-28",
                "2031-01-19")).getStatusCode().value()).isEqualTo(201);
        Map<String, Long> current = revisions();
        await().atMost(Duration.ofSeconds(30)).until(() -> publishedWithRevisions(current).keySet().containsAll(REGIONS));

        try (var second = new SpringApplicationBuilder(CatalogServiceApplication.class).run("--server.port=0",
                "--spring.mongodb.uri=" + MONGO.uri(DATABASE),
                "--spring.cloud.stream.kafka.binder.brokers=" + broker.getBrokersAsString())) {
            RestClient secondHttp = client(second.getEnvironment().getProperty("local.server.port", Integer.class));
            JsonNode calendar = json.readTree(secondHttp.get().uri("/api/v1/regions/620900/calendar/2031").retrieve()
                    .body(String.class));

            assertThat(calendar.get("provisional").asBoolean()).isFalse();
            assertThat(revisions()).isEqualTo(current);
        }
        Map<String, Long> publishedSince = kafka.readAll(Topics.CALENDAR_PUBLISHED, Duration.ofSeconds(1)).stream()
                .map(record -> json.readValue(record.value(), CalendarPublished.class))
                .filter(event -> event.revision() >= current.get(event.regionCode()))
                .collect(Collectors.groupingBy(CalendarPublished::regionCode, TreeMap::new, Collectors.counting()));
        assertThat(publishedSince).isEqualTo(Map.of("520200", 1L, "620900", 1L, "659006", 1L));
    }

    /** The newest published revision of every region's calendar, from the catalog's own collection. */
    private Map<String, Long> revisions() {
        return mongo.findAll(Document.class, CalendarRevision.COLLECTION).stream()
                .collect(Collectors.toMap(doc -> doc.getString("_id"), doc -> ((Number) doc.get("revision")).longValue(),
                        (a, b) -> a, TreeMap::new));
    }

    /** The events on the topic that carry exactly the given revision of their region. */
    private Map<String, CalendarPublished> publishedWithRevisions(Map<String, Long> revisions) {
        return kafka.readAll(Topics.CALENDAR_PUBLISHED, Duration.ofMillis(500)).stream()
                .map(record -> json.readValue(record.value(), CalendarPublished.class))
                .filter(event -> Objects.equals(revisions.get(event.regionCode()), event.revision()))
                .collect(Collectors.toMap(CalendarPublished::regionCode, event -> event, (a, b) -> a));
    }

    private static Map<String, Long> regionRevisions(JsonNode imported) {
        return imported.get("regions").valueStream().collect(Collectors.toMap(r -> r.get("regionCode").asString(),
                r -> r.get("revision").asLong(), (a, b) -> a, TreeMap::new));
    }

    private List<String> daysOff(String region, int year) {
        return get("/api/v1/regions/" + region + "/calendar/" + year).get("daysOff").valueStream()
                .map(day -> day.get("date").asString()).toList();
    }

    private ResponseEntity<String> put(String schedule, int year, String body) {
        return http.put().uri("/api/v1/calendars/{schedule}/years/{year}", schedule, year)
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(String.class);
    }

    private JsonNode get(String path) {
        var response = http.get().uri(path).retrieve().toEntity(String.class);
        assertThat(response.getStatusCode().value()).as(path).isEqualTo(200);
        return json.readTree(response.getBody());
    }

    private static RestClient client(int port) {
        return RestClient.builder().baseUrl("http://127.0.0.1:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestTokens.staff(Role.OPERATOR,
                        TestSchedules.OPERATOR, Caller.ALL_REGIONS)))
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { }).build();
    }
}
