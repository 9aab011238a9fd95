package org.mtb.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mtb.support.crypto.BlindIndex;
import org.mtb.support.crypto.TestKeyRing;
import org.mtb.support.security.ApplicationReaders.Parties;

class ApplicationReadersTests {

    private static final BlindIndex INDEX = new BlindIndex(new TestKeyRing());
    private static final Parties SUBMITTED_BY_AN_APP_FOR_ZHANG = new Parties("620900", "gs-jiuquan-platform",
            "gs-jiuquan-platform", INDEX.ofIdNumber("11010519491231002X"), "H62090200001");
    private static final Parties SUBMITTED_BY_LI_FOR_HIS_FATHER = new Parties("620900", "applicant-li", "mtb-cli",
            INDEX.ofIdNumber("620902195001011234"), null);

    @Test
    void theInsuredPersonIsMatchedByTheBlindIndexOnlyNeverByAClearNumberStoredInItsPlace() {
        Caller zhang = applicant("applicant-zhang", "11010519491231002X");

        assertThat(mayRead(zhang, new Parties("620900", "app", "app", "11010519491231002X", null)))
                .isFalse();
        assertThat(mayRead(zhang, new Parties("620900", "app", "app",
                new BlindIndex(new TestKeyRing(7)).ofIdNumber("11010519491231002X"), null)))
                .as("an index made with another key").isFalse();
    }

    @Test
    void anApplicantReadsWhatTheirAccountSubmittedAndWhereTheyAreTheInsuredPersonWhoeverSubmittedIt() {
        Caller li = applicant("applicant-li", "620902198001011232");
        Caller zhang = applicant("applicant-zhang", "11010519491231002x");

        assertThat(mayRead(li, SUBMITTED_BY_LI_FOR_HIS_FATHER)).isTrue();
        assertThat(mayRead(li, SUBMITTED_BY_AN_APP_FOR_ZHANG)).isFalse();
        assertThat(mayRead(zhang, SUBMITTED_BY_AN_APP_FOR_ZHANG)).as("lower-case X").isTrue();
        assertThat(mayRead(zhang, SUBMITTED_BY_LI_FOR_HIS_FATHER)).isFalse();
    }

    @Test
    void anApplicantWithoutAVerifiedIdNumberReadsOnlyWhatTheirAccountSubmitted() {
        Caller unverified = applicant("applicant-x", null);

        assertThat(mayRead(unverified, new Parties("620900", "applicant-x", "mtb-cli", null, null)))
                .isTrue();
        assertThat(mayRead(unverified, new Parties("620900", "other", "mtb-cli", null, null))).isFalse();
    }

    @Test
    void aChannelReadsWhatItSubmittedAndNothingOfAnotherChannel() {
        Caller jiuquan = new Caller("gs-jiuquan-platform", "s", "gs-jiuquan-platform", Set.of(Role.CHANNEL),
                List.of("620900"), null, null);
        Caller liupanshui = new Caller("gz-liupanshui-platform", "s", "gz-liupanshui-platform",
                Set.of(Role.CHANNEL), List.of("620900"), null, null);

        assertThat(mayRead(jiuquan, SUBMITTED_BY_AN_APP_FOR_ZHANG)).isTrue();
        assertThat(mayRead(liupanshui, SUBMITTED_BY_AN_APP_FOR_ZHANG)).isFalse();
        assertThat(mayRead(jiuquan, SUBMITTED_BY_LI_FOR_HIS_FATHER)).isFalse();
    }

    @Test
    void staffReadTheApplicationsOfTheirRegionsOnlyAndOpsAndOperatorsNone() {
        for (Role role : List.of(Role.COUNTER_CLERK, Role.HOTLINE, Role.REVIEWER, Role.SUPERVISOR)) {
            assertThat(mayRead(staff(role, "620900"), SUBMITTED_BY_AN_APP_FOR_ZHANG)).isTrue();
            assertThat(mayRead(staff(role, "659006"), SUBMITTED_BY_AN_APP_FOR_ZHANG)).isFalse();
            assertThat(mayRead(staff(role, Caller.ALL_REGIONS), SUBMITTED_BY_AN_APP_FOR_ZHANG))
                    .isTrue();
        }
        assertThat(mayRead(staff(Role.OPS, Caller.ALL_REGIONS), SUBMITTED_BY_AN_APP_FOR_ZHANG))
                .isFalse();
        assertThat(mayRead(staff(Role.OPERATOR, "620900"), SUBMITTED_BY_AN_APP_FOR_ZHANG))
                .isFalse();
    }

    @Test
    void staffNarrowedToAnInstitutionReadOnlyThatInstitutionsApplications() {
        Caller hospital = new Caller("r", "reviewer-620900-hospital", "mtb-cli", Set.of(Role.REVIEWER),
                List.of("620900"), "H62090200001", null);
        Caller otherHospital = new Caller("r", "reviewer-620900-other", "mtb-cli", Set.of(Role.REVIEWER),
                List.of("620900"), "H62090200002", null);

        assertThat(mayRead(hospital, SUBMITTED_BY_AN_APP_FOR_ZHANG)).isTrue();
        assertThat(mayRead(otherHospital, SUBMITTED_BY_AN_APP_FOR_ZHANG)).isFalse();
        assertThat(mayRead(hospital, SUBMITTED_BY_LI_FOR_HIS_FATHER)).as("names no institution").isFalse();
        assertThat(mayRead(staff(Role.REVIEWER, "620900"), SUBMITTED_BY_LI_FOR_HIS_FATHER))
                .as("the region's own reviewers read every one").isTrue();
    }

    private static boolean mayRead(Caller caller, Parties parties) {
        return ApplicationReaders.mayRead(caller, parties, INDEX);
    }

    private static Caller applicant(String account, String idNumber) {
        return new Caller(account, account, "mtb-cli", Set.of(Role.APPLICANT), List.of(), null, idNumber);
    }

    private static Caller staff(Role role, String region) {
        return new Caller("someone", "someone", "mtb-cli", Set.of(role), List.of(region), null, null);
    }
}
