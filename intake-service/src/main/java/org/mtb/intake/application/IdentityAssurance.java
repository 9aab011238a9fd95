package org.mtb.intake.application;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.mtb.contracts.catalog.IdentityVerification;
import org.mtb.contracts.intake.Submitter;
import org.mtb.intake.application.SubmitApplicationRequest.IdentityVerificationRequest;
import org.mtb.intake.catalog.RegionCatalog;
import org.mtb.support.security.Caller;
import org.mtb.support.security.Role;
import org.mtb.support.web.ApiException;
import org.mtb.support.web.FieldProblem;
import org.springframework.http.HttpStatus;

/**
 * Which verification of the person a submission shows, and whether its region accepts it. Who may attest what:
 *
 * <ul>
 *   <li>a face check or an e-voucher: a channel only, whose request is signed, with its reference and time (a face
 *       check at most {@value #FRESH_MINUTES} minutes before the submission);
 *   <li>a check of the ID card at the counter: a counter clerk, whose own submission attests it;
 *   <li>a real-name account: the applicant's own account, whose token carries the verified ID number, or a channel
 *       for its real-name registered user.
 * </ul>
 *
 * A region whose policy lists methods refuses a submission that shows none of them (422
 * {@value #IDENTITY_VERIFICATION_REQUIRED}); a region whose policy lists none requires none.
 */
final class IdentityAssurance {

    static final String IDENTITY_VERIFICATION_REQUIRED = "IDENTITY_VERIFICATION_REQUIRED";
    static final int FRESH_MINUTES = 30;
    private static final Duration FRESH = Duration.ofMinutes(FRESH_MINUTES);
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    private static final int MAX_REFERENCE = 64;
    private static final String FIELD = "identityVerification";

    /** The verification shown, if any, and what is wrong with the claim. */
    record Outcome(@Nullable VerifiedIdentity identity, List<FieldProblem> problems) {
    }

    private IdentityAssurance() {
    }

    static Outcome establish(Caller caller, Submitter submitter, @Nullable IdentityVerificationRequest claim,
            Instant now) {
        Role role = Role.valueOf(submitter.role());
        String attestedBy = role == Role.CHANNEL && caller.client() != null ? caller.client() : caller.subject();
        if (claim == null || claim.method() == null) {
            if (claim != null && (claim.reference() != null || claim.verifiedAt() != null)) {
                return refused(new FieldProblem(FIELD + ".method", "REQUIRED", "name the method verified"));
            }
            return new Outcome(implied(caller, role, attestedBy, now), List.of());
        }
        IdentityVerification method = claim.method();
        if (!attests(caller, role, method)) {
            return refused(new FieldProblem(FIELD + ".method", "NOT_ATTESTED", switch (method) {
                case FACE_CHECK, E_VOUCHER -> "only a channel's signed request attests " + method;
                case COUNTER_ID_CARD -> "only a counter clerk attests " + method;
                case REAL_NAME_ACCOUNT -> "only the applicant's own real-name account or a channel attests " + method;
            }));
        }
        if (method == IdentityVerification.FACE_CHECK || method == IdentityVerification.E_VOUCHER) {
            List<FieldProblem> problems = new ArrayList<>();
            String reference = claim.reference() == null ? null : claim.reference().strip();
            if (reference == null || reference.isEmpty()) {
                problems.add(new FieldProblem(FIELD + ".reference", "REQUIRED", "the channel's reference of it"));
            } else if (reference.length() > MAX_REFERENCE) {
                problems.add(new FieldProblem(FIELD + ".reference", "TOO_LONG",
                        "must be at most " + MAX_REFERENCE + " characters"));
            }
            Instant at = claim.verifiedAt();
            if (at == null) {
                problems.add(new FieldProblem(FIELD + ".verifiedAt", "REQUIRED", "when it took place"));
            } else if (at.isAfter(now.plus(CLOCK_SKEW))
                    || method == IdentityVerification.FACE_CHECK && at.isBefore(now.minus(FRESH))) {
                problems.add(new FieldProblem(FIELD + ".verifiedAt", "OUT_OF_RANGE", method
                        == IdentityVerification.FACE_CHECK ? "a face check is at most " + FRESH_MINUTES
                        + " minutes old at submission" : "must not be in the future"));
            }
            return problems.isEmpty() ? new Outcome(new VerifiedIdentity(method, reference, at, attestedBy),
                    List.of()) : new Outcome(null, problems);
        }
        return new Outcome(new VerifiedIdentity(method, null, now, attestedBy), List.of());
    }

    /** The refusal when the region requires a method the submission does not show. */
    static Optional<ApiException> refusal(Optional<RegionCatalog> region, @Nullable VerifiedIdentity identity) {
        List<IdentityVerification> accepted = region.map(RegionCatalog::policy)
                .map(policy -> policy.identityVerifications()).orElse(null);
        if (accepted == null || identity != null && accepted.contains(identity.method())) {
            return Optional.empty();
        }
        return Optional.of(new ApiException(HttpStatus.UNPROCESSABLE_CONTENT,
                IDENTITY_VERIFICATION_REQUIRED, "Identity not verified as the region requires",
                "Region " + region.get().regionCode() + " requires the person to be verified by one of " + accepted
                        + (identity == null ? "; the submission shows none" : "; the submission shows "
                        + identity.method())));
    }

    private static @Nullable VerifiedIdentity implied(Caller caller, Role role, String attestedBy, Instant now) {
        return switch (role) {
            case COUNTER_CLERK -> new VerifiedIdentity(IdentityVerification.COUNTER_ID_CARD, null, now, attestedBy);
            case APPLICANT -> caller.idNumber() == null ? null
                    : new VerifiedIdentity(IdentityVerification.REAL_NAME_ACCOUNT, null, now, attestedBy);
            default -> null;
        };
    }

    private static boolean attests(Caller caller, Role role, IdentityVerification method) {
        return switch (method) {
            case FACE_CHECK, E_VOUCHER -> role == Role.CHANNEL;
            case COUNTER_ID_CARD -> role == Role.COUNTER_CLERK;
            case REAL_NAME_ACCOUNT -> role == Role.CHANNEL || role == Role.APPLICANT && caller.idNumber() != null;
        };
    }

    private static Outcome refused(FieldProblem problem) {
        return new Outcome(null, List.of(problem));
    }
}
