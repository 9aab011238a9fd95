package org.mtb.contracts.review;

/**
 * One material a reviewer asks the applicant to supplement (补正).
 *
 * @param type   the material type, as the region's catalog names it (e.g. {@code DIAGNOSIS_CERTIFICATE})
 * @param name   the material's name in Chinese, from the catalog, as the applicant is shown it
 * @param reason what is wrong or missing, in the reviewer's words
 */
public record SupplementItem(String type, String name, String reason) {
}
