package org.mtb.support.web;

import java.util.List;
import org.springframework.http.HttpStatus;

/** A refusal the client can act on: answered as problem+json with a stable {@code code}. */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final String title;
    private final transient List<FieldProblem> fieldProblems;

    public ApiException(HttpStatus status, String code, String title, String detail, List<FieldProblem> fieldProblems) {
        super(detail);
        this.status = status;
        this.code = code;
        this.title = title;
        this.fieldProblems = List.copyOf(fieldProblems);
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
}
