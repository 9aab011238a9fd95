package org.mtb.support.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FieldCipherTests {

    private static final String ID_NUMBER = "11010519491231002X";
    private static final String CONTEXT = "applications.applicant.idNumber";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T02:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void dataSealedUnderKeyOneAndKeyTwoBothOpenAndReEncryptionMovesAllToKeyTwo() throws Exception {
        FileKeyRing ring = new FileKeyRing(dir.resolve("keys.json"), CipherAlgorithm.AES_256_GCM, CLOCK);
        FieldCipher cipher = new FieldCipher(ring);
        List<String> stored = new ArrayList<>();
        stored.add(cipher.seal(ID_NUMBER, CONTEXT));
        stored.add(cipher.seal("620902198001011232", CONTEXT));

        ring.rotate();
        stored.add(cipher.seal("659006199003013455", CONTEXT));

        assertThat(stored).extracting(FieldCipher::keyIdOf).containsExactly("k1", "k1", "k2");
        assertThat(stored).extracting(value -> cipher.open(value, CONTEXT))
                .containsExactly(ID_NUMBER, "620902198001011232", "659006199003013455");

        List<String> moved = stored.stream().map(value -> cipher.reseal(value, CONTEXT)).toList();

        assertThat(moved).extracting(FieldCipher::keyIdOf).containsOnly("k2");
        assertThat(moved.get(2)).as("already under the current key: left as it was").isEqualTo(stored.get(2));
        assertThat(moved).extracting(value -> cipher.open(value, CONTEXT))
                .containsExactly(ID_NUMBER, "620902198001011232", "659006199003013455");
    }

    @Test
    void anotherInstanceSharingTheFileOpensValuesSealedAfterARotationItHasNotSeen() {
        Path file = dir.resolve("keys.json");
        FileKeyRing first = new FileKeyRing(file, CipherAlgorithm.AES_256_GCM, CLOCK);
        FileKeyRing second = new FileKeyRing(file, CipherAlgorithm.AES_256_GCM, CLOCK);

        first.rotate();
        String sealed = new FieldCipher(first).seal(ID_NUMBER, CONTEXT);

        assertThat(new FieldCipher(second).open(sealed, CONTEXT)).isEqualTo(ID_NUMBER);
        assertThat(second.keyIds()).containsExactly("k1", "k2");
    }

    @Test
    void aSealedValueShowsNothingOfTheClearOneAndDiffersEachTime() {
        FieldCipher cipher = new FieldCipher(new FileKeyRing(dir.resolve("keys.json"), CipherAlgorithm.AES_256_GCM,
                CLOCK));

        String once = cipher.seal(ID_NUMBER, CONTEXT);
        String twice = cipher.seal(ID_NUMBER, CONTEXT);

        assertThat(once).startsWith("enc:1:k1:").doesNotContain(ID_NUMBER, "1101", "002X");
        assertThat(once).isNotEqualTo(twice);
        assertThat(FieldCipher.isSealed(once)).isTrue();
        assertThat(FieldCipher.isSealed(ID_NUMBER)).isFalse();
    }

    @Test
    void aChangedValueOrOneCopiedIntoAnotherFieldDoesNotOpen() {
        FieldCipher cipher = new FieldCipher(new FileKeyRing(dir.resolve("keys.json"), CipherAlgorithm.AES_256_GCM,
                CLOCK));
        String sealed = cipher.seal(ID_NUMBER, CONTEXT);
        // A character well inside the payload: the last one of unpadded base64 may carry unused bits only.
        int at = sealed.length() - 10;
        String changed = sealed.substring(0, at) + (sealed.charAt(at) == 'A' ? 'B' : 'A') + sealed.substring(at + 1);

        assertThatIllegalArgumentException().isThrownBy(() -> cipher.open(changed, CONTEXT));
        assertThatIllegalArgumentException().isThrownBy(() -> cipher.open(sealed, "applications.applicant.phone"))
                .withMessageContaining("another field");
        assertThatIllegalArgumentException().isThrownBy(() -> cipher.open(ID_NUMBER, CONTEXT));
        assertThatIllegalArgumentException().isThrownBy(() -> cipher.open("enc:1:k9:AAAA", CONTEXT))
                .withMessageContaining("No key k9");
    }

    @Test
    void sm4GcmFromBouncyCastleSealsAndOpensForADeploymentAssessedUnderTheCommercialCryptographyRules() {
        FileKeyRing ring = new FileKeyRing(dir.resolve("sm4.json"), CipherAlgorithm.SM4_GCM, CLOCK);
        FieldCipher cipher = new FieldCipher(ring);

        String sealed = cipher.seal("张三", "applications.applicant.name");

        assertThat(ring.current().algorithm()).isEqualTo(CipherAlgorithm.SM4_GCM);
        assertThat(ring.current().material()).hasSize(16);
        assertThat(cipher.open(sealed, "applications.applicant.name")).isEqualTo("张三");
    }

    @Test
    void theKeyFileIsCreatedOnFirstUseForItsOwnerOnlyAndKeptAcrossRestarts() throws Exception {
        Path file = dir.resolve("data/keys.json");
        String sealed = new FieldCipher(new FileKeyRing(file, CipherAlgorithm.AES_256_GCM, CLOCK))
                .seal(ID_NUMBER, CONTEXT);

        FileKeyRing restarted = new FileKeyRing(file, CipherAlgorithm.AES_256_GCM, CLOCK);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(new FieldCipher(restarted).open(sealed, CONTEXT)).isEqualTo(ID_NUMBER);
        assertThat(Files.readString(file)).contains("\"current\" : \"k1\"").doesNotContain(ID_NUMBER);
    }

    @Test
    void theBlindIndexFindsEqualIdNumbersAndNeedsTheKey() {
        BlindIndex index = new BlindIndex(new FileKeyRing(dir.resolve("a.json"), CipherAlgorithm.AES_256_GCM,
                CLOCK));
        BlindIndex otherKey = new BlindIndex(new FileKeyRing(dir.resolve("b.json"), CipherAlgorithm.AES_256_GCM,
                CLOCK));

        assertThat(index.ofIdNumber(" 11010519491231002x")).isEqualTo(index.ofIdNumber(ID_NUMBER))
                .matches("[0-9a-f]{64}");
        assertThat(index.ofIdNumber("620902198001011232")).isNotEqualTo(index.ofIdNumber(ID_NUMBER));
        assertThat(otherKey.ofIdNumber(ID_NUMBER)).isNotEqualTo(index.ofIdNumber(ID_NUMBER));
        assertThat(index.of("phone", "13800138000")).isNotEqualTo(index.of("idNumber", "13800138000"));
    }

    /**
     * Ciphers and MACs are reused between values, one caller at a time: sixteen threads sealing, opening and indexing
     * at once, in both algorithms, each get their own values back, and a value that failed to open (its cipher not
     * reused) leaves the others opening.
     */
    @Test
    void valuesSealedOpenedAndIndexedAtOnceByManyThreadsEachComeBackAsTheyWere() throws Exception {
        FieldCipher aes = new FieldCipher(new FileKeyRing(dir.resolve("aes.json"), CipherAlgorithm.AES_256_GCM, CLOCK));
        FieldCipher sm4 = new FieldCipher(new FileKeyRing(dir.resolve("sm4.json"), CipherAlgorithm.SM4_GCM, CLOCK));
        BlindIndex index = new BlindIndex(new FileKeyRing(dir.resolve("aes.json"), CipherAlgorithm.AES_256_GCM, CLOCK));
        String expectedIndex = index.ofIdNumber(ID_NUMBER);
        List<String> problems = java.util.Collections.synchronizedList(new ArrayList<>());
        try (var threads = java.util.concurrent.Executors.newFixedThreadPool(16)) {
            for (int t = 0; t < 16; t++) {
                int thread = t;
                threads.submit(() -> {
                    for (int i = 0; i < 500; i++) {
                        FieldCipher cipher = i % 2 == 0 ? aes : sm4;
                        String clear = "申请人" + thread + "-" + i;
                        String sealed = cipher.seal(clear, CONTEXT);
                        if (!cipher.open(sealed, CONTEXT).equals(clear)) {
                            problems.add("opened wrong: " + clear);
                        }
                        try {
                            cipher.open(sealed, "applications.applicant.name");
                            problems.add("opened in another field: " + clear);
                        } catch (IllegalArgumentException expected) {
                            // the cipher that failed is dropped, not reused
                        }
                        if (!index.ofIdNumber(ID_NUMBER).equals(expectedIndex)) {
                            problems.add("another index for the same ID number");
                        }
                    }
                });
            }
        }
        assertThat(problems).isEmpty();
    }
}
