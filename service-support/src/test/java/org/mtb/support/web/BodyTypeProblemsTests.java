package org.mtb.support.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;

/** The gathering of a body's fields of the wrong type or form, with Jackson alone. */
class BodyTypeProblemsTests {

    enum Level { ONE, TWO }

    record Hospital(@Nullable String name, @Nullable Level level, int beds) {
    }

    record Request(@Nullable String region, @Nullable Hospital hospital, @Nullable List<Hospital> others,
            long count, boolean urgent) {
    }

    private final JsonMapper mapper = JsonMapper.builder().build();

    @Test
    void readsTheBodyToItsEndWithEveryFieldItCouldNotTakeReadAsEmpty() {
        List<FieldProblem> found = new ArrayList<>();
        Request request = mapper.readerFor(Request.class).withHandler(new BodyTypeProblems())
                .withAttribute(BodyTypeProblems.FOUND, found).readValue("""
                        {"region": {"code": 620900}, "hospital": {"name": "甲", "level": "THREE", "beds": "many"},
                         "others": [{"name": "乙", "level": "ONE", "beds": 5}, {"name": 7.5e0, "beds": {"n": 1}}],
                         "count": [1], "urgent": "yes"}""");

        assertThat(found).extracting(FieldProblem::field, FieldProblem::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple("region", "WRONG_TYPE"),
                org.assertj.core.groups.Tuple.tuple("hospital.level", "INVALID_VALUE"),
                org.assertj.core.groups.Tuple.tuple("hospital.beds", "INVALID_VALUE"),
                org.assertj.core.groups.Tuple.tuple("others[1].beds", "WRONG_TYPE"),
                org.assertj.core.groups.Tuple.tuple("count", "WRONG_TYPE"),
                org.assertj.core.groups.Tuple.tuple("urgent", "INVALID_VALUE"));
        assertThat(found.get(1).message()).isEqualTo("has an invalid value; allowed: ONE, TWO");
        assertThat(request.region()).isNull();
        assertThat(request.hospital()).isEqualTo(new Hospital("甲", null, 0));
        assertThat(request.others()).containsExactly(new Hospital("乙", Level.ONE, 5), new Hospital("7.5e0", null, 0));
        assertThat(request.count()).isZero();
        assertThat(request.urgent()).isFalse();
    }

    /** A scalar where an object belongs goes through another of Jackson's questions; the reading goes on all the same. */
    @Test
    void aTextNumberOrBooleanWhereAnObjectBelongsIsNamedAndTheFieldsAfterItToo() {
        List<FieldProblem> found = new ArrayList<>();
        Request request = mapper.readerFor(Request.class).withHandler(new BodyTypeProblems())
                .withAttribute(BodyTypeProblems.FOUND, found).readValue("""
                        {"hospital": 3, "others": [{"name": "乙", "beds": 5}, "丙", true], "region": [],
                         "count": "many", "urgent": true}""");

        assertThat(found).extracting(FieldProblem::field, FieldProblem::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple("hospital", "WRONG_TYPE"),
                org.assertj.core.groups.Tuple.tuple("others[1]", "WRONG_TYPE"),
                org.assertj.core.groups.Tuple.tuple("others[2]", "WRONG_TYPE"),
                org.assertj.core.groups.Tuple.tuple("region", "WRONG_TYPE"),
                org.assertj.core.groups.Tuple.tuple("count", "INVALID_VALUE"));
        assertThat(request.hospital()).isNull();
        assertThat(request.others()).containsExactly(new Hospital("乙", null, 5), null, null);
        assertThat(request.urgent()).as("read after them").isTrue();
    }

    @Test
    void leavesAReadWithoutAListOfItsOwnAndTheBodyItselfToJackson() {
        // A read without the attribute (an event from Kafka, say) fails at the first problem, as without the handler.
        assertThatThrownBy(() -> mapper.readerFor(Request.class).withHandler(new BodyTypeProblems())
                .readValue("{\"hospital\": {\"level\": \"THREE\"}, \"region\": {}}"))
                .isInstanceOf(InvalidFormatException.class).hasMessageContaining("THREE");
        List<FieldProblem> found = new ArrayList<>();
        assertThatThrownBy(() -> mapper.readerFor(Request.class).withHandler(new BodyTypeProblems())
                .withAttribute(BodyTypeProblems.FOUND, found).readValue("[{\"region\": \"620900\"}]"))
                .isInstanceOf(MismatchedInputException.class);
        assertThat(found).isEmpty();
    }
}
