package org.mtb.intake.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mtb.contracts.DiseaseCategory;
import org.mtb.contracts.InsuranceType;
import org.mtb.contracts.catalog.CatalogDisease;
import org.mtb.contracts.catalog.EffectiveDateRule;
import org.mtb.contracts.catalog.IdentityVerification;
import org.mtb.contracts.catalog.RegionPolicy;
import org.mtb.intake.application.SubmitApplicationRequest.IdentityVerificationRequest;
import org.mtb.intake.catalog.RegionCatalog;
import org.mtb.support.security.Caller;
import org.mtb.support.security.Role;
import org.mtb.support.web.FieldProblem;

class IdentityAssuranceTests {

    private static final Instant NOW = Instant.parse("2026-11-30T02:00:00Z");
    private static final Caller ZHANG = new Caller("applicant-zhang", "applicant-zhang", "mtb-cli",
            Set.of(Role.APPLICANT), List.of(), null, "11010519491231002X");
    private static final Caller PLATFORM = new Caller("gz-liupanshui-platform", "s", "gz-liupanshui-platform",
            Set.of(Role.CHANNEL), List.of("520200"), null, null);
    private static final Caller CLERK = new Caller("clerk-520200", "clerk-520200", "mtb-cli",
            Set.of(Role.COUNTER_CLERK), List.of("520200"), null, null);

    @Test
    void anApplicantsOwnRealNameAccountAndACountersSubmissionAttestThemselves() {
        assertThat(establish(ZHANG, null).identity()).extracting(VerifiedIdentity::method, VerifiedIdentity::attestedBy)
                .containsExactly(IdentityVerification.REAL_NAME_ACCOUNT, "applicant-zhang");
        assertThat(establish(CLERK, null).identity().method()).isEqualTo(IdentityVerification.COUNTER_ID_CARD);
        assertThat(establish(PLATFORM, null).identity()).as("a channel attests nothing unless it says what").isNull();
        Caller unverified = new Caller("a", "a", "mtb-cli", Set.of(Role.APPLICANT), List.of(), null, null);
        assertThat(establish(unverified, null).identity()).isNull();
    }

    @Test
    void aChannelAttestsAFaceCheckWithItsReferenceAndTimeAndNobodyElseDoes() {
        var face = new IdentityVerificationRequest(IdentityVerification.FACE_CHECK, "face-7f3a",
                NOW.minus(Duration.ofMinutes(3)));

        VerifiedIdentity identity = establish(PLATFORM, face).identity();

        assertThat(identity).isEqualTo(new VerifiedIdentity(IdentityVerification.FACE_CHECK, "face-7f3a",
                NOW.minus(Duration.ofMinutes(3)), "gz-liupanshui-platform"));
        assertThat(establish(ZHANG, face).problems()).extracting(FieldProblem::field, FieldProblem::code)
                .containsExactly(tuple("identityVerification.method", "NOT_ATTESTED"));
        assertThat(establish(CLERK, face).problems()).extracting(FieldProblem::code).containsExactly("NOT_ATTESTED");
        assertThat(establish(PLATFORM, new IdentityVerificationRequest(IdentityVerification.COUNTER_ID_CARD, null,
                null)).problems()).extracting(FieldProblem::code).containsExactly("NOT_ATTESTED");
    }

    @Test
    void aFaceCheckNeedsItsReferenceAndAFreshTime() {
        var stale = new IdentityVerificationRequest(IdentityVerification.FACE_CHECK, " ",
                NOW.minus(Duration.ofMinutes(31)));
        var future = new IdentityVerificationRequest(IdentityVerification.E_VOUCHER, "ev-1",
                NOW.plus(Duration.ofMinutes(6)));

        assertThat(establish(PLATFORM, stale).problems()).extracting(FieldProblem::field, FieldProblem::code)
                .containsExactly(tuple("identityVerification.reference", "REQUIRED"),
                        tuple("identityVerification.verifiedAt", "OUT_OF_RANGE"));
        assertThat(establish(PLATFORM, future).problems()).extracting(FieldProblem::code)
                .containsExactly("OUT_OF_RANGE");
        assertThat(establish(PLATFORM, new IdentityVerificationRequest(IdentityVerification.E_VOUCHER, "ev-1",
                NOW.minus(Duration.ofDays(2)))).problems()).as("an e-voucher has no freshness limit").isEmpty();
    }

    @Test
    void aRegionThatListsMethodsRefusesASubmissionShowingNoneOfThemAndOneThatListsNoneRequiresNone() {
        Optional<RegionCatalog> liupanshui = region(List.of(IdentityVerification.FACE_CHECK,
                IdentityVerification.E_VOUCHER, IdentityVerification.COUNTER_ID_CARD));

        assertThat(IdentityAssurance.refusal(liupanshui, establish(ZHANG, null).identity())).get()
                .satisfies(refusal -> {
                    assertThat(refusal.status().value()).isEqualTo(422);
                    assertThat(refusal.code()).isEqualTo("IDENTITY_VERIFICATION_REQUIRED");
                    assertThat(refusal.getMessage()).contains("FACE_CHECK", "REAL_NAME_ACCOUNT");
                });
        assertThat(IdentityAssurance.refusal(liupanshui, null)).isPresent();
        assertThat(IdentityAssurance.refusal(liupanshui, establish(CLERK, null).identity())).isEmpty();
        assertThat(IdentityAssurance.refusal(region(null), null)).isEmpty();
    }

    private static IdentityAssurance.Outcome establish(Caller caller, IdentityVerificationRequest claim) {
        return IdentityAssurance.establish(caller, Submitters.of(caller), claim, NOW);
    }

    private static Optional<RegionCatalog> region(List<IdentityVerification> methods) {
        RegionPolicy policy = new RegionPolicy(List.of(), true, null, EffectiveDateRule.ON_APPROVAL, null, List.of(),
                List.of(), methods);
        return Optional.of(new RegionCatalog("520200", "六盘水市", "2025.1", "2025-01-01",
                List.of(InsuranceType.RESIDENT), List.of(new CatalogDisease("M00100", "x", DiseaseCategory.SPECIAL)),
                policy, "e", NOW));
    }
}
