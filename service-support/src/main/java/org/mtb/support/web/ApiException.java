package org.mtb.support.web;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** A refusal the client can act on: answered as problem+json with a stable {@code code}. */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final String title;
    private final transient List<FieldProblem> fieldProblems;
    private final transient Map<String, Object> properties;

    public ApiException(HttpStatus status, String code, String title, String detail, List<FieldProblem> fieldProblems) {
        this(status, code, title, detail, fieldProblems, Map.of());
    }

    /**
     * A refusal with further members of the problem (RFC 9457 extension members) besides {@code code} and
     * {@code errors}, e.g. the open items of a supplement; each value is written as JSON.
     */
    public ApiException(HttpStatus status, String code, String title, String detail, List<FieldProblem> fieldProblems,
            Map<String, Object> properties) {
        super(detail);
        this.status = status;
        this.code = code;
        this.title = title;
        this.fieldProblems = List.copyOf(fieldProblems);
        this.properties = Map.copyOf(properties);
    }

    public ApiException(HttpStatus status, String code, String title, String detail) {
        this(status, code, title, detail, List.of());
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public List<FieldProblem> fieldProblems() {
        return fieldProblems;
    }

    /** The problem's further members, by name. */
    public Map<String, Object> properties() {
        return properties;
    }
}
