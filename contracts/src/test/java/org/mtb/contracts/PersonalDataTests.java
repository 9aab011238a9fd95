package org.mtb.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mtb.contracts.intake.Applicant;
import org.mtb.contracts.review.Recipient;

class PersonalDataTests {

    @Test
    void masksAllButTheEdgesOfAnIdNumber() {
        assertThat(PersonalData.maskIdNumber("11010519491231002X")).isEqualTo("1101**********002X");
    }

    @Test
    void keepsOnlyTheFamilyNameCharacter() {
        assertThat(PersonalData.maskName("张三")).isEqualTo("张*");
        assertThat(PersonalData.maskName("欧阳娜娜")).isEqualTo("欧***");
        assertThat(PersonalData.maskName("李")).isEqualTo("李*");
    }

    @Test
    void keepsPrefixAndLastFourDigitsOfAPhone() {
        assertThat(PersonalData.maskPhone("13800138000")).isEqualTo("138****8000");
    }

    @Test
    void applicantAndRecipientNeverPrintPersonalDataInClear() {
        String applicant = new Applicant("11010519491231002X", "张三", "13800138000", InsuranceType.RESIDENT, null,
                null).toString();
        String recipient = new Recipient("张三", "13800138000", null, null).toString();

        assertThat(applicant + recipient).doesNotContain("11010519491231002X", "张三", "13800138000");
    }

    @Test
    void namesEverySealedFieldByItsPathWithItsApplicationsContext() {
        assertThat(SealedField.contextsByPath()).containsOnlyKeys("applicant.idNumber", "applicant.name",
                "applicant.phone", "conditionSummary", "agent.idNumber", "agent.name", "agent.phone");
        assertThat(SealedField.contextsByPath().get("applicant.phone").apply("620900-20261130-000001"))
                .isEqualTo("applicant.phone|620900-20261130-000001");
        assertThat(SealedField.contextsByPath().get("agent.phone").apply("620900-20261130-000001"))
                .as("an agent's phone does not open as the applicant's").isEqualTo("agent.phone|620900-20261130-000001");
    }

    @Test
    void anApplicantStoredWithoutMaskedFormsIsMaskedFromItsOpenedValues() {
        Applicant sealed = new Applicant("enc:id", "enc:name", "enc:phone", InsuranceType.RESIDENT, null, null);
        java.util.Map<String, String> clear = java.util.Map.of("enc:id", "11010519491231002X", "enc:name", "张三",
                "enc:phone", "13800138000");

        assertThat(sealed.maskedForms((value, field) -> clear.get(value)))
                .isEqualTo(new Applicant.Masked("1101**********002X", "张*", "138****8000"));
        Applicant.Masked carried = new Applicant.Masked("1101**********002X", "李*", "139****9000");
        assertThat(new Applicant("enc:id", "enc:name", "enc:phone", InsuranceType.RESIDENT, "i", carried)
                .maskedForms((value, field) -> { throw new AssertionError("nothing to open"); })).isSameAs(carried);
    }
}
