package org.mtb.support.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mtb.support.testing.LocalMongo;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.mongodb.core.MongoTemplate;

@ExtendWith(LocalMongo.class)
class PersonalDataAutoConfigurationTests {

    @TempDir
    Path dir;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(PersonalDataAutoConfiguration.class))
            .withBean(MongoTemplate.class, () -> new MongoTemplate(LocalMongo.client(), "personal_data_configuration"))
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
            .withPropertyValues("spring.application.name=intake-service");

    @Test
    void setsUpNothingAndCreatesNoKeyFileForAServiceWithoutPersonalData() {
        runner.withPropertyValues("mtb.personal-data.key-file=" + dir.resolve("keys.json")).run(context -> {
            assertThat(context).doesNotHaveBean(FieldCipher.class).doesNotHaveBean(KeyRing.class);
            assertThat(dir.resolve("keys.json")).doesNotExist();
        });
    }

    @Test
    void sealsWithSm4GcmWhereTheDeploymentChoseItForTheCommercialCryptographyRules() {
        Path file = dir.resolve("keys").resolve("personal-data.json");
        runner.withPropertyValues("mtb.personal-data.enabled=true", "mtb.personal-data.key-file=" + file,
                "mtb.personal-data.algorithm=SM4_GCM").run(context -> {
                    assertThat(context).hasSingleBean(FieldCipher.class).hasSingleBean(BlindIndex.class)
                            .hasSingleBean(PersonalDataAccessLog.class).hasSingleBean(Resealing.class);
                    KeyRing ring = context.getBean(KeyRing.class);
                    assertThat(ring).isInstanceOf(FileKeyRing.class);
                    assertThat(ring.current().algorithm()).isEqualTo(CipherAlgorithm.SM4_GCM);
                    FieldCipher cipher = context.getBean(FieldCipher.class);
                    assertThat(cipher.open(cipher.seal("13800138000", "applicant.phone|n"), "applicant.phone|n"))
                            .isEqualTo("13800138000");
                    assertThat(Files.readString(file)).contains("\"SM4_GCM\"");
                });
    }

    @Test
    void answersConflictWhenAskedToRotateAKeyRingThatItsKmsRotates() {
        PersonalDataEndpoint endpoint = new PersonalDataEndpoint(new TestKeyRing(3), new Resealing(
                new MongoTemplate(LocalMongo.client(), "personal_data_configuration"),
                new FieldCipher(new TestKeyRing(3)),
                new TestKeyRing(3), java.util.List.of(), 100, java.time.Clock.systemUTC()));

        var answer = endpoint.reseal(true);

        assertThat(answer.getStatus()).isEqualTo(409);
        assertThat(answer.getBody()).asString().contains("KEYS_ROTATED_IN_KMS");
        assertThat(endpoint.reseal(null).getStatus()).as("re-encryption itself runs").isEqualTo(200);
    }

    @Test
    void takesTheDeploymentsOwnKeyRingOverItsKmsInsteadOfAFile() {
        KeyRing kms = new TestKeyRing(3);
        runner.withBean(KeyRing.class, () -> kms).withPropertyValues("mtb.personal-data.enabled=true",
                "mtb.personal-data.key-file=" + dir.resolve("unused.json")).run(context -> {
                    assertThat(context.getBean(KeyRing.class)).isSameAs(kms);
                    assertThat(FieldCipher.keyIdOf(context.getBean(FieldCipher.class).seal("x", "c")))
                            .isEqualTo("test-k1");
                    assertThat(dir.resolve("unused.json")).doesNotExist();
                });
    }
}
