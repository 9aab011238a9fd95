package org.mtb.intake.material;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param unreferencedTtl how long an upload no application references is kept
 * @param cleanupEvery how often unreferenced uploads past {@code unreferencedTtl} are removed
 * @param maxImagePixels the largest width × height an image may declare: decoding one takes about 4 bytes a pixel,
 *        so a small file declaring a huge image could exhaust a reviewer's viewer or a later thumbnailer
 */
@ConfigurationProperties("mtb.materials")
record MaterialsProperties(
        @DefaultValue("PT24H") Duration unreferencedTtl,
        @DefaultValue("PT1H") Duration cleanupEvery,
        @DefaultValue("50000000") long maxImagePixels) {

    MaterialsProperties {
        if (maxImagePixels < 1) {
            throw new IllegalArgumentException("mtb.materials.max-image-pixels must be at least 1, got " + maxImagePixels);
        }
        if (unreferencedTtl.isNegative() || unreferencedTtl.isZero()) {
            throw new IllegalArgumentException("mtb.materials.unreferenced-ttl must be positive, got " + unreferencedTtl);
        }
    }
}
