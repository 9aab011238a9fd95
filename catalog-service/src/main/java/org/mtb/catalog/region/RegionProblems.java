package org.mtb.catalog.region;

import java.time.LocalDate;
import java.util.List;
import org.mtb.support.web.ApiException;
import org.mtb.support.web.FieldProblem;
import org.springframework.http.HttpStatus;

/** The refusals of the region feature, each with its stable code. */
final class RegionProblems {

    private RegionProblems() {
    }

    /** An operator importing a version of a region its token does not name. */
    static ApiException regionOutOfScope(String regionCode) {
        return new ApiException(HttpStatus.FORBIDDEN, "REGION_OUT_OF_SCOPE", "Region not served",
                "This access token does not act in region " + regionCode);
    }

    static ApiException invalidDate() {
        return new ApiException(HttpStatus.BAD_REQUEST, "INVALID_DATE", "Invalid date",
                "Parameter 'at' must be a date YYYY-MM-DD, e.g. 2025-06-01",
                List.of(new FieldProblem("at", "INVALID_FORMAT", "must be a date YYYY-MM-DD")));
    }

    static ApiException regionNotFound(String regionCode, LocalDate day) {
        return new ApiException(HttpStatus.NOT_FOUND, "REGION_NOT_FOUND", "Region not found",
                "There is no list of region " + regionCode + " in force on " + day);
    }

    static ApiException policyNotFound(RegionVersion region) {
        return new ApiException(HttpStatus.NOT_FOUND, "POLICY_NOT_FOUND", "Policy not found",
                "Version " + region.version() + " of region " + region.regionCode() + " was stored without a policy");
    }

    static ApiException versionNotFound(String regionCode, String version) {
        return new ApiException(HttpStatus.NOT_FOUND, "VERSION_NOT_FOUND", "Version not found",
                "Region " + regionCode + " has no stored version " + version);
    }

    static ApiException invalidVersion(List<FieldProblem> problems) {
        return new ApiException(HttpStatus.BAD_REQUEST, "INVALID_CATALOG_VERSION", "Invalid catalog version",
                problems.size() + " problem(s) need correcting; all are listed in 'errors'", problems);
    }

    static ApiException versionExists(String regionCode, String version) {
        return new ApiException(HttpStatus.CONFLICT, "VERSION_EXISTS", "Version already stored",
                "Region " + regionCode + " already has version " + version
                        + "; a stored version never changes, so give the change a new version");
    }

    static ApiException diseaseNotFound(RegionVersion region, String code) {
        return new ApiException(HttpStatus.NOT_FOUND, "DISEASE_NOT_FOUND", "Disease not found",
                "Disease " + code + " is not on the list of region " + region.regionCode() + " (version "
                        + region.version() + ")");
    }
}
