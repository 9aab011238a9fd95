package org.mtb.support.web;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.mtb.support.mongo.DatabaseOutages;
import org.mtb.support.security.SecurityProblems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

/** Turns every refusal, and every unexpected failure, into problem+json; never an HTML page or a bare 500. */
@RestControllerAdvice
class ApiProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblemHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> refused(ApiException e) {
        return respond(e.status(), Problems.of(e));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> wrongParameterType(MethodArgumentTypeMismatchException e) {
        String allowed = BodyTypeProblems.allowed(e.getRequiredType());
        FieldProblem field = new FieldProblem(e.getName(), "INVALID_VALUE", "is not a valid value" + allowed);
        return respond(HttpStatus.BAD_REQUEST, Problems.of(HttpStatus.BAD_REQUEST, "INVALID_PARAMETER",
                "Invalid parameter", "Parameter '" + e.getName() + "' has an invalid value" + allowed, List.of(field)));
    }

    /** A {@code @PreAuthorize} that refused the caller's roles. */
    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> roleNotAllowed(AccessDeniedException e) {
        return respond(HttpStatus.FORBIDDEN, SecurityProblems.forbidden());
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> notAuthenticated(AuthenticationException e) {
        return respond(HttpStatus.UNAUTHORIZED, SecurityProblems.unauthorized(SecurityProblems.TOKEN_MISSING,
                "This needs an access token: Authorization: Bearer <token>"));
    }

    /** A body of unknown length that grew past {@code mtb.web.max-body} while it was read. */
    @ExceptionHandler(RequestBodyLimit.BodyTooLarge.class)
    ResponseEntity<ProblemDetail> bodyTooLarge(RequestBodyLimit.BodyTooLarge e) {
        return respond(HttpStatus.CONTENT_TOO_LARGE, RequestBodyLimit.problem(e.maxBytes));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (DatabaseOutages.isOutage(e)) {
            log.warn("Request failed because MongoDB could not be reached: {}", e.toString());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).headers(problemHeaders())
                    .header(HttpHeaders.RETRY_AFTER, "1").body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE,
                            "DATABASE_UNAVAILABLE", "Database unavailable",
                            "The database could not be reached. Try again with the same request.", List.of()));
        }
        log.error("Unexpected failure while handling a request", e);
        return respond(HttpStatus.INTERNAL_SERVER_ERROR, Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR",
                "Internal error", "The request could not be completed. Try again later.", List.of()));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        RequestBodyLimit.BodyTooLarge tooLarge = RequestBodyLimit.within(e);
        if (tooLarge != null) {
            return new ResponseEntity<>(RequestBodyLimit.problem(tooLarge.maxBytes), problemHeaders(),
                    HttpStatus.CONTENT_TOO_LARGE);
        }
        BodyFieldProblems found = Problems.causeOf(e, BodyFieldProblems.class);
        ProblemDetail problem = found == null ? unreadableBody(jacksonCause(e)) : unreadableFields(found);
        return new ResponseEntity<>(problem, problemHeaders(), HttpStatus.BAD_REQUEST);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        if (e instanceof MissingRequestHeaderException missing) {
            FieldProblem field = new FieldProblem(missing.getHeaderName(), "REQUIRED", "header is required");
            body = Problems.of(status, "HEADER_MISSING", "Required header missing",
                    "Header '" + missing.getHeaderName() + "' is required", List.of(field));
        } else {
            if (body == null && e instanceof ErrorResponse errorResponse) {
                body = errorResponse.getBody();
            }
            if (body instanceof ProblemDetail problem
                    && (problem.getProperties() == null || !problem.getProperties().containsKey("code"))) {
                problem.setProperty("code", Problems.codeFor(status));
            }
        }
        return super.handleExceptionInternal(e, body, problemHeaders(), status, request);
    }

    /**
     * Jackson's own exception, which names the field, rather than the innermost cause: a date that does not parse is
     * a {@code DateTimeParseException} wrapped in Jackson's {@code InvalidFormatException}, and only the latter knows
     * where it stood.
     */
    private static @Nullable Throwable jacksonCause(@Nullable Throwable failure) {
        JacksonException jackson = Problems.causeOf(failure, JacksonException.class);
        return jackson != null || failure == null ? jackson : NestedExceptionUtils.getMostSpecificCause(failure);
    }

    /**
     * Every field of the body Jackson could not take, with the one its read stopped at, if it stopped at a field; a
     * body that turned out not to be JSON at all is answered as such.
     */
    private static ProblemDetail unreadableFields(BodyFieldProblems found) {
        List<FieldProblem> problems = new ArrayList<>(found.problems());
        if (found.getCause() != null) {
            Throwable stoppedAt = jacksonCause(found.getCause());
            FieldProblem last = fieldProblemOf(stoppedAt);
            if (last == null) {
                return unreadableBody(stoppedAt);
            }
            problems.add(last);
        }
        if (problems.size() == 1) {
            return fieldProblem(problems.getFirst());
        }
        return Problems.of(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "Invalid request", problems.size()
                + " fields have a value of the wrong type or form; all are listed in 'errors'", problems);
    }

    /** The field a failure of Jackson's names and what was wrong with it; null where it names none. */
    private static @Nullable FieldProblem fieldProblemOf(@Nullable Throwable cause) {
        if (cause instanceof InvalidFormatException invalid && !invalid.getPath().isEmpty()) {
            return new FieldProblem(path(invalid), "INVALID_VALUE",
                    "has an invalid value" + BodyTypeProblems.allowed(invalid.getTargetType()));
        }
        if (cause instanceof InputCoercionException outOfRange && !outOfRange.getPath().isEmpty()) {
            return new FieldProblem(path(outOfRange), "OUT_OF_RANGE", "is a number out of range");
        }
        if (cause instanceof MismatchedInputException mismatched && !mismatched.getPath().isEmpty()) {
            return new FieldProblem(path(mismatched), "WRONG_TYPE", "has the wrong JSON type");
        }
        return null;
    }

    private static ProblemDetail unreadableBody(@Nullable Throwable cause) {
        FieldProblem field = fieldProblemOf(cause);
        if (field != null) {
            return fieldProblem(field);
        }
        if (cause instanceof MismatchedInputException) {
            return Problems.of(HttpStatus.BAD_REQUEST, "INVALID_BODY", "Invalid request body",
                    "The body must be a JSON object", List.of());
        }
        if (cause instanceof JacksonException) {
            return Problems.of(HttpStatus.BAD_REQUEST, "MALFORMED_JSON", "Malformed request body",
                    "The body is not well-formed JSON", List.of());
        }
        return Problems.of(HttpStatus.BAD_REQUEST, "BODY_MISSING", "Request body missing",
                "A JSON object body is required", List.of());
    }

    private static ProblemDetail fieldProblem(FieldProblem field) {
        return Problems.of(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "Invalid request",
                "Field '" + field.field() + "' " + field.message(), List.of(field));
    }

    private static String path(JacksonException e) {
        return e.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static ResponseEntity<ProblemDetail> respond(HttpStatusCode status, ProblemDetail problem) {
        return ResponseEntity.status(status).headers(problemHeaders()).body(problem);
    }

    private static HttpHeaders problemHeaders() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return headers;
    }
}
