package org.mtb.support.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mtb.support.security.SignedInRequests;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The answers every service gives, through a {@code @WebMvcTest} slice as a service's controller tests see them: the
 * slice picks up the library's handler by itself (a controller nested in a test class is not scanned, so it is
 * imported).
 */
@WebMvcTest(controllers = ProblemAnswersTests.Echo.class)
@Import({ProblemAnswersTests.Echo.class, SignedInRequests.class})
class ProblemAnswersTests {

    @Autowired
    MockMvc mvc;

    @Test
    void answersARefusalWithItsCodeAndEveryFieldProblem() throws Exception {
        mvc.perform(get("/echo/refuse")).andExpect(status().isUnprocessableContent())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("WHAT_THE_SERVICE_SAYS"))
                .andExpect(jsonPath("$.type").value("/problems/what-the-service-says"))
                .andExpect(jsonPath("$.instance").value(org.hamcrest.Matchers.startsWith("urn:uuid:")))
                .andExpect(jsonPath("$.errors[0].field").value("a"))
                .andExpect(jsonPath("$.errors[1].code").value("OUT_OF_RANGE"))
                .andExpect(jsonPath("$.openItems[0].type").value("ID_CARD"))
                .andExpect(jsonPath("$.openItems[0].reason").value("缺失"));
    }

    @Test
    void namesTheAllowedValuesOfAWrongEnumParameter() throws Exception {
        mvc.perform(get("/echo/colour").param("colour", "PURPLE")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_PARAMETER"))
                .andExpect(jsonPath("$.detail").value("Parameter 'colour' has an invalid value; allowed: RED, GREEN"))
                .andExpect(jsonPath("$.errors[0].field").value("colour"));
    }

    @Test
    void tellsMalformedJsonAWrongTypeAMissingBodyAndAMissingHeaderApart() throws Exception {
        mvc.perform(post("/echo/body").contentType(MediaType.APPLICATION_JSON).content("{\"count\": "))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("MALFORMED_JSON"));
        mvc.perform(post("/echo/body").contentType(MediaType.APPLICATION_JSON).content("{\"count\": \"many\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[0].field").value("count"));
        mvc.perform(post("/echo/body").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"count\": 1, \"issuedOn\": \"2026-13-40\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[0].field").value("issuedOn"))
                .andExpect(jsonPath("$.errors[0].code").value("INVALID_VALUE"));
        mvc.perform(post("/echo/body").contentType(MediaType.APPLICATION_JSON).content("[1]"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_BODY"));
        mvc.perform(post("/echo/body").contentType(MediaType.APPLICATION_JSON))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("BODY_MISSING"));
        mvc.perform(get("/echo/header")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("HEADER_MISSING"))
                .andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"));
    }

    @Test
    void tellsEveryFieldOfTheWrongTypeOrFormAtOnceInTheBodysOrder() throws Exception {
        mvc.perform(post("/echo/form").contentType(MediaType.APPLICATION_JSON).content("""
                        {"count": "many", "colour": "PURPLE", "name": {"first": "x"}, "issuedOn": "2026-13-40",
                         "items": [{"label": "ok", "size": [1, 2]}, {"label": ["a"], "size": 3}],
                         "tags": "one", "flag": true}"""))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.detail").value(
                        "7 fields have a value of the wrong type or form; all are listed in 'errors'"))
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.contains("count", "colour",
                        "name", "issuedOn", "items[0].size", "items[1].label", "tags")))
                .andExpect(jsonPath("$.errors[*].code").value(org.hamcrest.Matchers.contains("INVALID_VALUE",
                        "INVALID_VALUE", "WRONG_TYPE", "INVALID_VALUE", "WRONG_TYPE", "WRONG_TYPE", "WRONG_TYPE")))
                .andExpect(jsonPath("$.errors[1].message").value("has an invalid value; allowed: RED, GREEN"));
    }

    @Test
    void keepsTheFieldsGatheredWhenTheReadStopsAndAnswersABodyThatIsNoJsonAsSuch() throws Exception {
        mvc.perform(post("/echo/form").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"count\": 99999999999, \"name\": 5}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.contains("count")))
                .andExpect(jsonPath("$.errors[0].code").value("OUT_OF_RANGE"));
        mvc.perform(post("/echo/form").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": [1], \"colour\": \"BLUE\", \"count\": 99999999999}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[*].field")
                        .value(org.hamcrest.Matchers.contains("name", "colour", "count")))
                .andExpect(jsonPath("$.errors[*].code").value(
                        org.hamcrest.Matchers.contains("WRONG_TYPE", "INVALID_VALUE", "OUT_OF_RANGE")));
        mvc.perform(post("/echo/form").contentType(MediaType.APPLICATION_JSON).content("{\"name\": [1], \"count\": "))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("MALFORMED_JSON"))
                .andExpect(jsonPath("$.errors").doesNotExist());
        mvc.perform(post("/echo/form").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"n\", \"count\": 2, \"items\": [{\"label\": \"a\", \"size\": 1}], "
                                + "\"flag\": true}"))
                .andExpect(status().isOk()).andExpect(content().string("n 2 1"));
    }

    @Test
    void answersAnUnexpectedFailureWithoutItsMessageAndAWrongMethodWithItsStatus() throws Exception {
        mvc.perform(get("/echo/fail")).andExpect(status().isInternalServerError())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("INTERNAL_ERROR"))
                .andExpect(jsonPath("$.detail").value("The request could not be completed. Try again later."));
        mvc.perform(post("/echo/fail")).andExpect(status().isMethodNotAllowed())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("METHOD_NOT_ALLOWED"));
    }

    @Test
    void answersADatabaseOutOfReachWith503AndRetryAfterAndOtherDatabaseFailuresWith500() throws Exception {
        mvc.perform(get("/echo/database-gone")).andExpect(status().isServiceUnavailable())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().string("Retry-After", "1"))
                .andExpect(jsonPath("$.code").value("DATABASE_UNAVAILABLE"));
        mvc.perform(get("/echo/database-broken")).andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.code").value("INTERNAL_ERROR"));
    }

    enum Colour { RED, GREEN }

    record Body(int count, java.time.@org.jspecify.annotations.Nullable LocalDate issuedOn) {
    }

    record Item(@org.jspecify.annotations.Nullable String label, int size) {
    }

    record Form(int count, @org.jspecify.annotations.Nullable Colour colour,
            @org.jspecify.annotations.Nullable String name,
            java.time.@org.jspecify.annotations.Nullable LocalDate issuedOn,
            @org.jspecify.annotations.Nullable List<Item> items, @org.jspecify.annotations.Nullable List<String> tags,
            boolean flag) {
    }

    @RestController
    static class Echo {

        @PostMapping("/echo/form")
        String form(@RequestBody Form form) {
            return form.name() + " " + form.count() + " " + form.items().size();
        }

        @GetMapping("/echo/refuse")
        String refuse() {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "WHAT_THE_SERVICE_SAYS", "Refused", "Two problems",
                    List.of(new FieldProblem("a", "REQUIRED", "is required"),
                            new FieldProblem("b", "OUT_OF_RANGE", "is too large")),
                    java.util.Map.of("openItems", List.of(java.util.Map.of("type", "ID_CARD", "reason", "缺失"))));
        }

        @GetMapping("/echo/colour")
        String colour(@RequestParam Colour colour) {
            return colour.name();
        }

        @PostMapping("/echo/body")
        String body(@RequestBody Body body) {
            return String.valueOf(body.count());
        }

        @GetMapping("/echo/header")
        String header(@RequestHeader("Idempotency-Key") String key) {
            return key;
        }

        /** As Spring Data reports a request on a connection the server closed (its pool then cleared). */
        @GetMapping("/echo/database-gone")
        String databaseGone() {
            throw org.mtb.support.mongo.MongoFailures.poolCleared();
        }

        @GetMapping("/echo/database-broken")
        String databaseBroken() {
            throw new org.springframework.data.mongodb.UncategorizedMongoDbException("a bug of ours", null);
        }

        @GetMapping("/echo/fail")
        String fail() {
            throw new IllegalStateException("a detail the client must not see");
        }
    }
}
