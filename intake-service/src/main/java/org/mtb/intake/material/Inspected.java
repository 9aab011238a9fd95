package org.mtb.intake.material;

/**
 * An upload that passed every check.
 *
 * @param mediaType the media type detected from the bytes
 * @param sha256 the bytes' SHA-256, lower-case hex
 */
record Inspected(MaterialFormat format, String mediaType, long size, String sha256) {
}
