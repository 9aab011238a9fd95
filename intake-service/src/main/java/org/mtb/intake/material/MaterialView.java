package org.mtb.intake.material;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A material as answered to its owner and reviewers.
 *
 * @param detectedType the media type detected from the bytes, e.g. {@code image/jpeg}
 * @param format the catalog's name of the format: JPG, PNG or PDF
 * @param size in bytes
 */
record MaterialView(String materialId, String type, String regionCode, String sha256, String detectedType,
        String format, long size, Instant uploadedAt, @Nullable String applicationNumber) {

    static MaterialView of(Material material) {
        return new MaterialView(material.id(), material.type(), material.regionCode(), material.sha256(),
                material.mediaType(), material.format().name(), material.size(), material.uploadedAt(),
                material.applicationNumber());
    }
}
