package org.mtb.intake.material;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDJavascriptNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationFileAttachment;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import java.time.Instant;
import java.util.UUID;
import org.mtb.contracts.InsuranceType;
import org.mtb.contracts.catalog.CatalogDisease;
import org.mtb.contracts.catalog.EffectiveDateRule;
import org.mtb.contracts.catalog.MaterialRequirement;
import org.mtb.contracts.catalog.RegionPolicy;
import org.mtb.intake.catalog.RegionCatalog;

/** Files made in code for the materials' tests: real images and PDFs, and crafted ones for every refusal. */
final class MaterialSamples {

    static final String SCRIPT = "app.alert('hello')";

    private MaterialSamples() {
    }

    /** A region's catalog with these common materials and diseases. */
    static RegionCatalog region(String regionCode, List<MaterialRequirement> materials, CatalogDisease... diseases) {
        RegionPolicy policy = new RegionPolicy(List.of(), false, null, EffectiveDateRule.ON_APPROVAL, null, materials,
                List.of(), null);
        return new RegionCatalog(regionCode, "铁门关市", "2026.1", null, List.of(InsuranceType.RESIDENT),
                List.of(diseases), policy, UUID.randomUUID().toString(), Instant.parse("2026-01-01T00:00:00Z"));
    }

    static MaterialRequirement requirement(String type, int maxSizeMb, String... formats) {
        return new MaterialRequirement(type, "材料", MaterialRequirement.Requirement.MANDATORY, null, null, null,
                List.of(formats), maxSizeMb);
    }

    static byte[] jpeg(int width, int height) {
        return image("jpg", width, height);
    }

    static byte[] png(int width, int height) {
        return image("png", width, height);
    }

    private static byte[] image(String format, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var graphics = image.createGraphics();
        graphics.setColor(Color.ORANGE);
        graphics.fillRect(0, 0, width / 2, height / 2);
        graphics.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A PNG signature and an IHDR chunk (with its correct CRC) declaring these dimensions, then IEND: no pixels. */
    static byte[] pngDeclaring(int width, int height) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
            ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height)
                    .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
            chunk(out, "IHDR", ihdr.array());
            chunk(out, "IEND", new byte[0]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void chunk(DataOutputStream out, String type, byte[] data) throws IOException {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeInt(data.length);
        out.write(name);
        out.write(data);
        out.writeInt((int) crc.getValue());
    }

    /** The start of a Windows executable: the DOS header's MZ, and the PE signature where e_lfanew points. */
    static byte[] windowsExecutable() {
        byte[] exe = new byte[1024];
        exe[0] = 'M';
        exe[1] = 'Z';
        exe[0x3C] = (byte) 0x80;
        exe[0x80] = 'P';
        exe[0x81] = 'E';
        return exe;
    }

    static byte[] zip() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("scan.jpg"));
            zip.write(jpeg(10, 10));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static byte[] pdf() {
        return pdf(document -> { });
    }

    static byte[] encryptedPdf(String userPassword) {
        return pdf(document -> {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", userPassword,
                    new AccessPermission());
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
        });
    }

    static byte[] pdfWithOpenActionScript() {
        return pdf(document -> document.getDocumentCatalog().setOpenAction(new PDActionJavaScript(SCRIPT)));
    }

    static byte[] pdfWithNamedScript() {
        return pdf(document -> {
            PDJavascriptNameTreeNode scripts = new PDJavascriptNameTreeNode();
            scripts.setNames(Map.of("init", new PDActionJavaScript(SCRIPT)));
            names(document).setJavascript(scripts);
        });
    }

    static byte[] pdfWithEmbeddedFile() {
        return pdf(document -> {
            PDEmbeddedFilesNameTreeNode files = new PDEmbeddedFilesNameTreeNode();
            files.setNames(Map.of("note.txt", fileSpecification(document)));
            names(document).setEmbeddedFiles(files);
        });
    }

    static byte[] pdfWithLinkScript() {
        return pdf(document -> {
            PDAnnotationLink link = new PDAnnotationLink();
            link.setRectangle(new PDRectangle(10, 10, 100, 20));
            link.setAction(new PDActionJavaScript(SCRIPT));
            document.getPage(0).getAnnotations().add(link);
        });
    }

    static byte[] pdfWithFileAttachment() {
        return pdf(document -> {
            PDAnnotationFileAttachment attachment = new PDAnnotationFileAttachment();
            attachment.setRectangle(new PDRectangle(10, 10, 20, 20));
            attachment.setFile(fileSpecification(document));
            document.getPage(0).getAnnotations().add(attachment);
        });
    }

    private static PDComplexFileSpecification fileSpecification(PDDocument document) throws IOException {
        PDComplexFileSpecification specification = new PDComplexFileSpecification();
        specification.setFile("note.txt");
        specification.setEmbeddedFile(new PDEmbeddedFile(document,
                new ByteArrayInputStream("hidden".getBytes(StandardCharsets.US_ASCII))));
        return specification;
    }

    private static PDDocumentNameDictionary names(PDDocument document) {
        PDDocumentNameDictionary names = document.getDocumentCatalog().getNames();
        if (names == null) {
            names = new PDDocumentNameDictionary(document.getDocumentCatalog());
            document.getDocumentCatalog().setNames(names);
        }
        return names;
    }

    private static byte[] pdf(PdfChange change) {
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage(PDRectangle.A4));
            change.apply(document);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private interface PdfChange {
        void apply(PDDocument document) throws IOException;
    }
}
