package org.mtb.support.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The services' cipher and blind index against the contracts' schema-2 golden fixture, which the contracts module
 * checks with the JDK alone: what intake seals, review and notification open, in the form the fixture pins.
 */
class ContractFixturesTests {

    private static final Path FIXTURE = Path.of("../contracts/src/test/resources/events/application-submitted.v2.json");

    @Test
    void opensTheSealedValuesOfTheGoldenFixtureAndMakesItsBlindIndex() throws Exception {
        JsonNode event = JsonMapper.builder().build().readTree(Files.readString(FIXTURE));
        String number = event.path("applicationNumber").asString();
        KeyRing ring = new TestKeyRing();
        FieldCipher cipher = new FieldCipher(ring);
        JsonNode applicant = event.path("applicant");

        assertThat(cipher.open(applicant.path("idNumber").asString(), "applicant.idNumber|" + number))
                .isEqualTo("11010519491231002X");
        assertThat(cipher.open(applicant.path("phone").asString(), "applicant.phone|" + number))
                .isEqualTo("13800138000");
        assertThat(cipher.open(event.path("conditionSummary").asString(), "conditionSummary|" + number))
                .isEqualTo("确诊高血压5年，长期服药");
        assertThat(new BlindIndex(ring).ofIdNumber("11010519491231002x"))
                .isEqualTo(applicant.path("idNumberIndex").asString());
    }

    @Test
    void passesASealedValueOnUnopenedAndSealsAClearOneFromASchemaOneEvent() {
        FieldCipher cipher = new FieldCipher(new TestKeyRing());
        String foreign = new FieldCipher(new TestKeyRing(5)).seal("13800138000", "applicant.phone|n");

        assertThat(cipher.sealedForm(foreign, "applicant.phone|n")).as("not opened, so no key needed")
                .isSameAs(foreign);
        assertThat(cipher.open(cipher.sealedForm("13800138000", "applicant.phone|n"), "applicant.phone|n"))
                .isEqualTo("13800138000");
        assertThat(cipher.sealedForm(null, "applicant.phone|n")).isNull();
    }

    @Test
    void whatTheCipherSealsTheFixtureFormReads() {
        String sealed = new FieldCipher(new TestKeyRing()).seal("13800138000", "applicant.phone|n");

        assertThat(sealed).matches("enc:1:test-k1:[A-Za-z0-9_-]+");
        assertThat(java.util.Base64.getUrlDecoder().decode(sealed.substring("enc:1:test-k1:".length())))
                .as("12-byte nonce, 11 bytes of phone, 16-byte tag").hasSize(12 + 11 + 16);
    }
}
