package org.mtb.catalog.region;

import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.mtb.support.web.ApiException;
import org.mtb.support.web.FieldProblem;
import org.springframework.http.HttpStatus;

/** The one check of a region code: 6 digits, in region files and in every region endpoint. */
public final class RegionCodes {

    private static final Pattern REGION_CODE = Pattern.compile("\\d{6}");

    private RegionCodes() {
    }

    static boolean isWellFormed(@Nullable String regionCode) {
        return regionCode != null && REGION_CODE.matcher(regionCode).matches();
    }

    /** Refuses anything but a 6-digit code with 400 {@code INVALID_REGION_CODE}. */
    public static void requireWellFormed(String regionCode) {
        if (!isWellFormed(regionCode)) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "INVALID_REGION_CODE", "Invalid region code",
                    "A region code is the 6-digit code of a pooling region, e.g. 659006",
                    List.of(new FieldProblem("regionCode", "INVALID_FORMAT", "must be 6 digits")));
        }
    }
}
