package org.mtb.review.reviewcase;

import java.util.List;
import java.util.Map;
import org.mtb.support.web.ApiException;
import org.springframework.http.HttpStatus;

/** The refusals of deadline extensions, each with its stable code. */
final class ExtensionProblems {

    private ExtensionProblems() {
    }

    static ApiException notAllowed(ReviewCase c) {
        return new ApiException(HttpStatus.CONFLICT, "EXTENSION_NOT_ALLOWED", "Region allows no extension",
                "The policy of region " + c.regionCode() + " allows no extension of a review deadline");
    }

    static ApiException limitReached(ReviewCase c, int atMost) {
        return new ApiException(HttpStatus.CONFLICT, "EXTENSION_LIMIT_REACHED", "Extensions used up",
                "Application " + c.applicationNumber() + " was extended " + atMost + " time(s), as often as region "
                        + c.regionCode() + " allows", List.of(), Map.of("atMost", atMost));
    }

    static ApiException pending(ReviewCase c) {
        return new ApiException(HttpStatus.CONFLICT, "EXTENSION_PENDING", "Extension request pending",
                "Application " + c.applicationNumber() + " has a request for extension a supervisor has not answered");
    }

    static ApiException notFound(String applicationNumber, int number) {
        return new ApiException(HttpStatus.NOT_FOUND, "EXTENSION_NOT_FOUND", "Extension request not found",
                "Application " + applicationNumber + " has no extension request " + number);
    }

    static ApiException alreadyDecided(CaseExtension request) {
        return new ApiException(HttpStatus.CONFLICT, "EXTENSION_ALREADY_DECIDED", "Extension request answered",
                "Extension request " + request.number() + " was " + request.status() + " by " + request.decidedBy()
                        + " at " + request.decidedAt());
    }
}
