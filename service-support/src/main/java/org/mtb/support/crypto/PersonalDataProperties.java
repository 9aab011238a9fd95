package org.mtb.support.crypto;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code mtb.personal-data.*}: where the keys of personal data are and how re-encryption runs.
 *
 * @param enabled     whether the service holds personal data (intake, review, notification do; catalog does not)
 * @param keyFile     the key ring file of the embedded default, created on first start; the services of one stack
 *                    share it ({@code MTB_PERSONAL_DATA_KEY_FILE}). A deployment with a KMS declares its own
 *                    {@link KeyRing} bean instead, and this is not read.
 * @param algorithm   the algorithm of keys created from now on: {@code AES_256_GCM}, or {@code SM4_GCM} for a
 *                    deployment assessed under the commercial cryptography rules (密评); existing keys keep theirs
 * @param resealEvery how often each instance looks whether values remain under an earlier key, and moves them
 * @param resealBatch documents read per query while re-encrypting
 */
@ConfigurationProperties("mtb.personal-data")
public record PersonalDataProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue(".data/keys/personal-data.json") Path keyFile,
        @DefaultValue("AES_256_GCM") CipherAlgorithm algorithm,
        @DefaultValue("10m") Duration resealEvery,
        @DefaultValue("500") int resealBatch) {
}
