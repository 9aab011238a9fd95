package org.mtb.intake.material;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A stored material as other features see it.
 *
 * @param format JPG, PNG or PDF, as detected from the bytes
 * @param sha256 the bytes' SHA-256, lower-case hex
 * @param applicationNumber the application that references the material; null while none does
 */
public record StoredMaterial(String materialId, String owner, String regionCode, String type, String format, long size,
        String sha256, Instant uploadedAt, @Nullable String applicationNumber) {
}
