package org.mtb.intake.application;

/**
 * What is wrong with one material item, told with every other gap at once (一次性告知).
 *
 * @param type    the material type, as the catalog names it
 * @param name    its name in Chinese, as the applicant is shown it
 * @param rule    the catalog's rule at stake, e.g. {@code MANDATORY}, {@code FRESHNESS_12_MONTHS}
 * @param problem a stable code: {@code MISSING}, {@code NOT_FOUND}, {@code WRONG_TYPE}, …
 * @param detail  what is wrong, in words
 */
record MaterialGap(String type, String name, String rule, String problem, String detail) {
}
