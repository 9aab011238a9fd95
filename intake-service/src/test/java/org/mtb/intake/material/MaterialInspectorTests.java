package org.mtb.intake.material;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mtb.intake.material.MaterialSamples.requirement;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtb.contracts.catalog.MaterialRequirement;
import org.mtb.support.web.ApiException;
import org.springframework.http.HttpStatus;

class MaterialInspectorTests {

    private static final MaterialRequirement ANY = requirement("DIAGNOSIS_CERTIFICATE", 5, "JPG", "PNG", "PDF");
    private static final long MB = 1024 * 1024;

    @TempDir
    Path dir;

    private final MaterialInspector inspector = new MaterialInspector(50_000_000);

    @Test
    void acceptsAJpegAPngAndAPdfTellingTheTypeFromTheBytes() throws Exception {
        byte[] jpeg = MaterialSamples.jpeg(64, 48);

        Inspected inspected = inspect(jpeg, ANY);

        assertThat(inspected).isEqualTo(new Inspected(MaterialFormat.JPG, "image/jpeg", jpeg.length, sha256(jpeg)));
        assertThat(Files.readAllBytes(dir.resolve("spool"))).as("the checked bytes, to be stored").isEqualTo(jpeg);
        assertThat(inspect(MaterialSamples.png(64, 48), ANY).format()).isEqualTo(MaterialFormat.PNG);
        assertThat(inspect(MaterialSamples.pdf(), ANY).mediaType()).isEqualTo("application/pdf");
    }

    @Test
    void acceptsJpegAsTheCatalogsOtherNameForJpg() throws Exception {
        assertThat(inspect(MaterialSamples.jpeg(8, 8), requirement("ID_CARD", 1, "jpeg")).format())
                .isEqualTo(MaterialFormat.JPG);
    }

    @Test
    void refusesAWindowsExecutableWhateverItIsNamedOrDeclared() {
        // Sent as "scan.jpg" with Content-Type image/jpeg: the inspector is never told either.
        assertRefused(MaterialSamples.windowsExecutable(), ANY, "MATERIAL_FORMAT_NOT_ALLOWED",
                "application/x-msdownload", "allowed: JPG, PNG, PDF");
    }

    @Test
    void refusesAZipArchive() {
        assertRefused(MaterialSamples.zip(), ANY, "MATERIAL_FORMAT_NOT_ALLOWED", "application/zip");
    }

    @Test
    void refusesAnImageOrPdfOfAFormatTheRequirementDoesNotAllow() {
        assertRefused(MaterialSamples.pdf(), requirement("ID_CARD", 5, "JPG", "PNG"), "MATERIAL_FORMAT_NOT_ALLOWED",
                "application/pdf", "allowed: JPG, PNG");
    }

    @Test
    void refusesAnEmptyFile() {
        assertRefused(new byte[0], ANY, "MATERIAL_EMPTY", "no content");
    }

    @Test
    void stopsReadingOneBytePastTheLimitOfAnOversizedUpload() {
        CountingStream sixMegabytes = new CountingStream(6 * MB);

        assertThatThrownBy(() -> inspector.inspect(sixMegabytes, ANY, dir.resolve("spool")))
                .isInstanceOfSatisfying(ApiException.class, refusal -> {
                    assertThat(refusal.code()).isEqualTo("MATERIAL_TOO_LARGE");
                    assertThat(refusal.status()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
                    assertThat(refusal.getMessage()).contains("5 MB");
                });
        assertThat(sixMegabytes.read).as("bytes read of the 6 MB").isEqualTo(5 * MB + 1);
    }

    @Test
    void acceptsAFileOfExactlyTheLimit() throws Exception {
        byte[] jpeg = MaterialSamples.jpeg(16, 16);
        byte[] padded = java.util.Arrays.copyOf(jpeg, (int) MB);

        assertThat(inspect(padded, requirement("ID_CARD", 1, "JPG")).size()).isEqualTo(MB);
    }

    @Test
    void refusesAPngDeclaringMoreThanThePixelBudgetWithoutDecodingIt() {
        byte[] bomb = MaterialSamples.pngDeclaring(100_000, 100_000);

        assertThat(bomb.length).as("a few dozen bytes").isLessThan(100);
        assertRefused(bomb, ANY, "MATERIAL_IMAGE_TOO_LARGE_TO_DECODE", "100000 × 100000");
    }

    @Test
    void appliesTheConfiguredPixelBudget() {
        MaterialInspector strict = new MaterialInspector(100);

        assertThatThrownBy(() -> strict.inspect(new ByteArrayInputStream(MaterialSamples.jpeg(20, 10)), ANY,
                dir.resolve("spool"))).isInstanceOfSatisfying(ApiException.class,
                        refusal -> assertThat(refusal.code()).isEqualTo("MATERIAL_IMAGE_TOO_LARGE_TO_DECODE"));
    }

    @Test
    void refusesAnImageWhoseHeaderCannotBeRead() {
        byte[] png = MaterialSamples.png(8, 8);
        byte[] broken = java.util.Arrays.copyOf(png, 20);

        assertRefused(broken, ANY, "MATERIAL_IMAGE_UNREADABLE", "PNG");
    }

    @Test
    void refusesAPdfEncryptedWithAUserPassword() {
        assertRefused(MaterialSamples.encryptedPdf("user-secret"), ANY, "MATERIAL_PDF_ENCRYPTED", "encrypted");
    }

    @Test
    void refusesAPdfEncryptedWithTheEmptyUserPasswordToo() {
        assertRefused(MaterialSamples.encryptedPdf(""), ANY, "MATERIAL_PDF_ENCRYPTED", "encrypted");
    }

    @Test
    void refusesAPdfRunningJavaScriptWhenOpened() {
        assertRefused(MaterialSamples.pdfWithOpenActionScript(), ANY, "MATERIAL_PDF_ACTIVE_CONTENT", "JavaScript",
                "/Root/OpenAction");
    }

    @Test
    void refusesAPdfWithJavaScriptInItsNamesTree() {
        assertRefused(MaterialSamples.pdfWithNamedScript(), ANY, "MATERIAL_PDF_ACTIVE_CONTENT", "JavaScript",
                "/Root/Names/JavaScript");
    }

    @Test
    void refusesAPdfWithAJavaScriptLinkOnAPage() {
        assertRefused(MaterialSamples.pdfWithLinkScript(), ANY, "MATERIAL_PDF_ACTIVE_CONTENT", "JavaScript",
                "/Annots[0]/A");
    }

    @Test
    void refusesAPdfWithAnEmbeddedFile() {
        assertRefused(MaterialSamples.pdfWithEmbeddedFile(), ANY, "MATERIAL_PDF_ACTIVE_CONTENT", "embedded files",
                "/Root/Names");
    }

    @Test
    void refusesAPdfWithAFileAttachmentAnnotation() {
        assertRefused(MaterialSamples.pdfWithFileAttachment(), ANY, "MATERIAL_PDF_ACTIVE_CONTENT",
                "file attachment annotation", "/Annots[0]");
    }

    @Test
    void refusesGarbageThatOnlyStartsLikeAPdf() {
        byte[] garbage = "%PDF-1.7\n\u0001\u0002 this is not a document \u00ff".getBytes(
                java.nio.charset.StandardCharsets.ISO_8859_1);

        assertRefused(garbage, ANY, "MATERIAL_PDF_UNREADABLE", "cannot be read");
    }

    private Inspected inspect(byte[] bytes, MaterialRequirement requirement) throws IOException {
        return inspector.inspect(new ByteArrayInputStream(bytes), requirement, dir.resolve("spool"));
    }

    private void assertRefused(byte[] bytes, MaterialRequirement requirement, String code, String... detail) {
        assertThatThrownBy(() -> inspect(bytes, requirement)).isInstanceOfSatisfying(ApiException.class, refusal -> {
            assertThat(refusal.code()).isEqualTo(code);
            assertThat(refusal.getMessage()).contains(detail);
            assertThat(refusal.fieldProblems()).singleElement()
                    .satisfies(problem -> assertThat(problem.field()).isEqualTo("file"));
        });
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** Zeros, as many as asked, generated as read and counted: nothing of it is held anywhere. */
    private static final class CountingStream extends InputStream {

        private final long length;
        long read;

        CountingStream(long length) {
            this.length = length;
        }

        @Override
        public int read() {
            if (read >= length) {
                return -1;
            }
            read++;
            return 0;
        }

        @Override
        public int read(byte[] buffer, int offset, int count) {
            if (read >= length) {
                return -1;
            }
            int n = (int) Math.min(count, length - read);
            java.util.Arrays.fill(buffer, offset, offset + n, (byte) 0);
            read += n;
            return n;
        }
    }
}
