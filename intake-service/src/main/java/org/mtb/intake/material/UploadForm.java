package org.mtb.intake.material;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.InputStreamSource;

/**
 * The parts of an upload as sent, each possibly missing.
 *
 * @param file the {@code file} part's bytes
 * @param type a material type of the region's catalog
 * @param diseaseCode a disease of the region, whose additional materials are then allowed too
 */
record UploadForm(@Nullable InputStreamSource file, @Nullable String type, @Nullable String regionCode,
        @Nullable String diseaseCode) {
}
