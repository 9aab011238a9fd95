package org.mtb.support.crypto;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * For controller slice tests: the cipher and blind index over a {@link TestKeyRing}, where the whole
 * {@link PersonalDataAutoConfiguration} (with its MongoDB access log and re-encryption job) is not loaded.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestPersonalData {

    @Bean
    KeyRing testKeyRing() {
        return new TestKeyRing();
    }

    @Bean
    FieldCipher testFieldCipher(KeyRing keys) {
        return new FieldCipher(keys);
    }

    @Bean
    BlindIndex testBlindIndex(KeyRing keys) {
        return new BlindIndex(keys);
    }
}
