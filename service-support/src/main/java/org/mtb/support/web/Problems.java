package org.mtb.support.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/** Builds problem details the same way everywhere: a type URI derived from the code, and the code itself. */
public final class Problems {

    /** The counter of requests refused for their form rather than their sender, tagged with the problem's code. */
    public static final String REFUSED_METRIC = "mtb.web.requests.refused";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Problems() {
    }

    /** The first of {@code failure} and its causes that is a {@code type}, however a reader or converter wrapped it. */
    static <T extends Throwable> @Nullable T causeOf(@Nullable Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    public static ProblemDetail of(HttpStatusCode status, String code, String title, String detail, List<FieldProblem> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("/problems/" + code.toLowerCase(Locale.ROOT).replace('_', '-')));
        problem.setTitle(title);
        // An occurrence id rather than the request path: a mistyped path may hold an ID number or a phone.
        problem.setInstance(URI.create("urn:uuid:" + UUID.randomUUID()));
        problem.setProperty("code", code);
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return problem;
    }

    /** The problem of a refusal: its status, code, title, detail, field problems and further members. */
    public static ProblemDetail of(ApiException refusal) {
        ProblemDetail problem = of(refusal.status(), refusal.code(), refusal.title(), refusal.getMessage(),
                refusal.fieldProblems());
        refusal.properties().forEach(problem::setProperty);
        return problem;
    }

    /** The code of an answer named only by its status: the status's name, or {@code HTTP_<status>} without one. */
    static String codeFor(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? "HTTP_" + status.value() : known.name();
    }

    /** Answers with the problem from a filter, where no MVC handler writes it: its status, problem+json, the body. */
    public static void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(json(problem));
    }

    /** The problem's JSON body, as the MVC handler writes it. */
    static byte[] json(ProblemDetail problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", String.valueOf(problem.getType()));
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        body.put("instance", String.valueOf(problem.getInstance()));
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        return JSON.writeValueAsBytes(body);
    }
}
