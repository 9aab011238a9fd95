package org.mtb.intake.application;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
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

    /**
     * Material gaps, told all at once with any field errors of the same request: per item its type, its name in
     * Chinese, the rule at stake and what is wrong ({@code materialGaps}).
     */
    static ApiException materialsIncomplete(List<FieldProblem> problems, List<MaterialGap> gaps) {
        return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "MATERIALS_INCOMPLETE", "Materials incomplete",
                gaps.size() + " material item(s) and " + problems.size() + " field(s) need correcting; all are listed "
                        + "in 'materialGaps' and 'errors'", problems, Map.of("materialGaps", gaps));
    }

    /**
     * A second open application of the same person for the same disease in the region; the open one is named only to
     * a caller who may read it.
     */
    static ApiException alreadyOpen(@Nullable String openNumber, String diseaseCode) {
        return new ApiException(HttpStatus.CONFLICT, "APPLICATION_ALREADY_OPEN", "An application is already open",
                (openNumber == null ? "An application" : "Application " + openNumber) + " for disease " + diseaseCode
                        + " of the same person is still open; follow it, or withdraw it before applying again",
                List.of(), openNumber == null ? Map.of() : Map.of("openApplicationNumber", openNumber));
    }

    /** @param qualificationNumber null where the caller may not read that application */
    static ApiException qualificationAlreadyHeld(@Nullable String qualificationNumber) {
        return new ApiException(HttpStatus.CONFLICT, "QUALIFICATION_ALREADY_HELD", "Qualification already held",
                "The person already holds " + (qualificationNumber == null ? "a qualification"
                        : "qualification " + qualificationNumber) + " for this disease; apply for a renewal (RENEWAL) or "
                        + "a change (CHANGE) of it instead", List.of(), qualificationNumber == null ? Map.of()
                                : Map.of("qualificationNumber", qualificationNumber));
    }

    static ApiException qualificationRequired(org.mtb.contracts.intake.ApplicationKind kind) {
        return new ApiException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "Invalid application",
                "A " + kind + " application names the qualification it concerns", List.of(new FieldProblem(
                        "qualificationNumber", "REQUIRED", "is required for a " + kind + " application")));
    }

    static ApiException qualificationNotHeld(org.mtb.contracts.intake.ApplicationKind kind, String number) {
        String what = kind == org.mtb.contracts.intake.ApplicationKind.RENEWAL
                ? "an approved qualification of this person for this disease in this region"
                : "an approved qualification of this person in this region";
        return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "QUALIFICATION_NOT_HELD", "No such qualification",
                number + " is not " + what, List.of(new FieldProblem("qualificationNumber", "NOT_HELD",
                        "must be " + what)));
    }

    /** Names only the parameters at fault, of {@code page} below 0 and {@code size} outside 1 to the maximum. */
    static ApiException invalidPage(int page, int size, int maxSize) {
        List<FieldProblem> wrong = new java.util.ArrayList<>();
        if (page < 0) {
            wrong.add(new FieldProblem("page", "INVALID_VALUE", "must be 0 or more"));
        }
        if (size < 1 || size > maxSize) {
            wrong.add(new FieldProblem("size", "INVALID_VALUE", "must be 1 to " + maxSize));
        }
        return new ApiException(HttpStatus.BAD_REQUEST, "INVALID_PAGE", "Invalid page",
                "page must be 0 or more and size 1 to " + maxSize, wrong);
    }

    static ApiException notSubmitter(String number) {
        return new ApiException(HttpStatus.FORBIDDEN, "NOT_THE_SUBMITTER", "Only the submitter acts on it",
                "Application " + number + " is supplemented or withdrawn only by the account or channel that submitted it");
    }

    static ApiException supplementNotRequested(Application application) {
        return new ApiException(HttpStatus.CONFLICT, "SUPPLEMENT_NOT_REQUESTED", "No supplement is asked for",
                "Application " + application.applicationNumber() + " is " + application.status()
                        + " and waits for no supplement" + (application.supplements() == null
                                || application.supplements().isEmpty() ? "" : "; its last request was answered or ended"),
                List.of(), Map.of("status", application.status()));
    }

    static ApiException supplementTimeEnded(String number, java.time.Instant dueAt) {
        return new ApiException(HttpStatus.CONFLICT, "SUPPLEMENT_TIME_ENDED", "The time to supplement has ended",
                "Application " + number + " could be supplemented until " + dueAt + "; it closes as not supplemented, "
                        + "and a new application may be made", List.of(), Map.of("supplementDueAt", dueAt));
    }

    static ApiException supplementRoundClosed(String number, int sent, int open) {
        return new ApiException(HttpStatus.CONFLICT, "SUPPLEMENT_ROUND_CLOSED", "That request is closed",
                "Application " + number + " waits for supplement round " + open + ", not round " + sent,
                List.of(new FieldProblem("round", "NOT_OPEN", "the open round is " + open)), Map.of("openRound", open));
    }

    /** A supplement leaving items open: every open item listed ({@code openItems}), with the gaps and field errors. */
    static ApiException supplementIncomplete(List<FieldProblem> problems, List<MaterialGap> gaps,
            List<org.mtb.contracts.review.SupplementItem> stillOpen) {
        return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "SUPPLEMENT_INCOMPLETE", "Supplement incomplete",
                stillOpen.size() + " requested item(s) are still open; all are listed in 'openItems', what is wrong in "
                        + "'materialGaps' and 'errors'; nothing was taken", problems,
                Map.of("openItems", stillOpen, "materialGaps", gaps));
    }

    static ApiException reasonRequired(int max) {
        String message = "state why, in 1 to " + max + " characters";
        return new ApiException(HttpStatus.BAD_REQUEST, "REASON_REQUIRED", "Reason required", "A withdrawal must "
                + message, List.of(new FieldProblem("reason", "REQUIRED", message)));
    }

    static ApiException alreadyEnded(Application application) {
        return new ApiException(HttpStatus.CONFLICT, "APPLICATION_ALREADY_ENDED", "Application already ended",
                "Application " + application.applicationNumber() + " is " + application.status()
                        + "; only an application not yet decided can be withdrawn",
                List.of(), Map.of("status", application.status()));
    }

    static ApiException keptChanging(String number) {
        return new ApiException(HttpStatus.CONFLICT, "APPLICATION_BUSY", "Application changing",
                "Application " + number + " kept changing while this request was handled; look at it and try again");
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
