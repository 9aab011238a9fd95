package org.mtb.support.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Spring's JSON converter, reading a request's body to its end with every field Jackson cannot take gathered
 * ({@link BodyTypeProblems}) and the body then refused with all of them ({@link BodyFieldProblems}), which {@link
 * ApiProblemHandler} answers as one {@code VALIDATION_FAILED}. A failure Jackson cannot read past (a body that is not
 * JSON, a number too large for its field) ends the read as before, with the fields gathered up to it kept.
 */
final class FieldProblemsJsonConverter extends JacksonJsonHttpMessageConverter {

    private static final BodyTypeProblems GATHERING = new BodyTypeProblems();

    /** The list of the body being read on this thread; the read and {@link #customizeReader} share a call. */
    private final ThreadLocal<List<FieldProblem>> reading = new ThreadLocal<>();

    FieldProblemsJsonConverter(JsonMapper mapper) {
        super(mapper);
    }

    @Override
    public Object read(ResolvableType type, HttpInputMessage input, @Nullable Map<String, Object> hints)
            throws IOException {
        List<FieldProblem> found = new ArrayList<>();
        reading.set(found);
        Object body;
        try {
            body = super.read(type, input, hints);
        } catch (HttpMessageNotReadableException stopped) {
            throw found.isEmpty() ? stopped : refused(found, stopped.getCause(), input);
        } finally {
            reading.remove();
        }
        if (!found.isEmpty()) {
            throw refused(found, null, input);
        }
        return body;
    }

    private static HttpMessageNotReadableException refused(List<FieldProblem> found, @Nullable Throwable stoppedBy,
            HttpInputMessage input) {
        return new HttpMessageNotReadableException("The body has fields of the wrong type or form",
                new BodyFieldProblems(found, stoppedBy), input);
    }

    @Override
    protected ObjectReader customizeReader(ObjectReader reader, JavaType javaType) {
        List<FieldProblem> found = reading.get();
        ObjectReader customized = super.customizeReader(reader, javaType);
        return found == null ? customized
                : customized.withHandler(GATHERING).withAttribute(BodyTypeProblems.FOUND, found);
    }
}
