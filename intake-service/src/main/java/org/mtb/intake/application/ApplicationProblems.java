package org.mtb.intake.application;

import java.util.List;
import org.mtb.support.web.ApiException;
import org.mtb.support.web.FieldProblem;
import org.springframework.http.HttpStatus;

/** The refusals of the application feature, each with its stable code. */
final class ApplicationProblems {

    private ApplicationProblems() {
    }

    static ApiException invalid(List<FieldProblem> problems) {
        return new ApiException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "Invalid application",
                problems.size() + " field(s) need correcting; all are listed in 'errors'", problems);
    }

    static ApiException invalidIdempotencyKey(String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, "INVALID_IDEMPOTENCY_KEY", "Invalid Idempotency-Key",
                message, List.of(new FieldProblem("Idempotency-Key", "INVALID_VALUE", message)));
    }

    static ApiException idempotencyKeyReused(String applicationNumber) {
        return new ApiException(HttpStatus.CONFLICT, "IDEMPOTENCY_KEY_REUSED", "Idempotency-Key already used",
                "This Idempotency-Key was used for a different request, which created application "
                        + applicationNumber + "; use a new key for a new application");
    }

    static ApiException catalogUnavailable() {
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "CATALOG_NOT_LOADED", "Catalog not loaded yet",
                "No regional catalog has reached intake yet; try again shortly");
    }

    /** A channel or counter submitting for a region its token does not name. */
    static ApiException regionOutOfScope(String regionCode) {
        return new ApiException(HttpStatus.FORBIDDEN, "REGION_OUT_OF_SCOPE", "Region not served",
                "This access token does not act in region " + regionCode);
    }

    static ApiException notFound(String applicationNumber) {
        return new ApiException(HttpStatus.NOT_FOUND, "APPLICATION_NOT_FOUND", "Application not found",
                "There is no application " + applicationNumber);
    }
}
