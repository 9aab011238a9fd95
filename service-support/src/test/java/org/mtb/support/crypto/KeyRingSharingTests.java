package org.mtb.support.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtb.support.testing.TestClock;

/** The services of one stack share one key file: they must agree on its keys from the first start on. */
class KeyRingSharingTests {

    private static final String CONTEXT = "applicant.phone|620900-20261130-000001";

    @TempDir
    Path dir;

    @Test
    void servicesStartingTogetherOnAMissingFileAllUseTheSameFirstKey() throws Exception {
        Path file = dir.resolve("keys").resolve("personal-data.json");
        int instances = 8;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<FileKeyRing>> rings = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(instances)) {
            for (int i = 0; i < instances; i++) {
                rings.add(pool.submit(() -> {
                    start.await();
                    return new FileKeyRing(file, CipherAlgorithm.AES_256_GCM, TestClock.at("2026-11-30T02:00:00Z"));
                }));
            }
            start.countDown();
            String sealed = new FieldCipher(rings.getFirst().get()).seal("13800138000", CONTEXT);
            for (Future<FileKeyRing> ring : rings) {
                assertThat(new FieldCipher(ring.get()).open(sealed, CONTEXT)).isEqualTo("13800138000");
                assertThat(ring.get().keyIds()).containsExactly("k1");
            }
        }
        assertThat(dir.resolve("keys").toFile().list()).as("no temporary file left").containsExactly(
                "personal-data.json");
    }

    @Test
    void anInstanceSealsWithTheKeyAnotherRotatedToOnceItLooksAgain() {
        Path file = dir.resolve("personal-data.json");
        TestClock clock = TestClock.at("2026-11-30T02:00:00Z");
        FileKeyRing operator = new FileKeyRing(file, CipherAlgorithm.AES_256_GCM, clock);
        FileKeyRing service = new FileKeyRing(file, CipherAlgorithm.AES_256_GCM, clock);
        assertThat(service.current().id()).isEqualTo("k1");

        operator.rotate();
        clock.advance(FileKeyRing.REFRESH.plus(Duration.ofSeconds(1)));

        assertThat(service.current().id()).isEqualTo("k2");
        assertThat(FieldCipher.keyIdOf(new FieldCipher(service).seal("13800138000", CONTEXT))).isEqualTo("k2");
    }
}
