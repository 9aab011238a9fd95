package org.mtb.intake.material;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.apache.tika.Tika;
import org.mtb.contracts.catalog.MaterialRequirement;

/**
 * Checks an upload against its requirement, from its bytes only: neither the file name nor the declared content type
 * is looked at, since both are the sender's to choose. The bytes are copied to a spool file while being counted and
 * hashed, and the copy stops one byte past the requirement's limit, so an oversized upload is never read whole.
 * Refusals are thrown as the problems of {@link MaterialProblems}.
 */
final class MaterialInspector {

    private static final long MB = 1024L * 1024L;

    // Tika's magic-byte detector; given no name, it decides from the content alone. Thread-safe.
    private final Tika tika = new Tika();
    private final ImageHeaders images;
    private final PdfChecks pdfs = new PdfChecks();

    MaterialInspector(long maxImagePixels) {
        this.images = new ImageHeaders(maxImagePixels);
    }

    /**
     * Copies the upload to {@code spool} and checks it.
     *
     * @param spool an empty file the caller owns and deletes; it holds the checked bytes afterwards
     */
    Inspected inspect(InputStream upload, MaterialRequirement requirement, Path spool) throws IOException {
        long limit = requirement.maxSizeMb() * MB;
        MessageDigest sha256 = sha256();
        long size = 0;
        try (OutputStream out = Files.newOutputStream(spool)) {
            byte[] buffer = new byte[8192];
            int read;
            while ((read = upload.read(buffer, 0, (int) Math.min(buffer.length, limit + 1 - size))) > 0) {
                size += read;
                if (size > limit) {
                    throw MaterialProblems.tooLarge(requirement.maxSizeMb());
                }
                sha256.update(buffer, 0, read);
                out.write(buffer, 0, read);
            }
        }
        if (size == 0) {
            throw MaterialProblems.empty();
        }
        String detected;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(spool))) {
            detected = tika.detect(in);
        }
        MaterialFormat format = MaterialFormat.of(detected)
                .filter(candidate -> requirement.formats().stream().anyMatch(candidate::isNamed))
                .orElseThrow(() -> MaterialProblems.formatNotAllowed(detected, allowed(requirement)));
        if (format.isImage()) {
            images.check(spool, format);
        } else {
            pdfs.check(spool);
        }
        return new Inspected(format, format.mediaType(), size, HexFormat.of().formatHex(sha256.digest()));
    }

    private static List<String> allowed(MaterialRequirement requirement) {
        return requirement.formats().stream().map(String::strip).toList();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }
}
