package org.mtb.intake.material;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.jspecify.annotations.Nullable;
import org.mtb.support.web.ApiException;

/**
 * Refuses a PDF that is encrypted, that PDFBox cannot read, or that carries active content. Active content is looked
 * for in every object reachable from the document catalog, not only where a reader usually starts it (OpenAction,
 * additional actions, the names tree, annotations, form fields), since a viewer follows every reference: JavaScript
 * actions, Launch actions, XFA forms (which carry scripts) and embedded files, as names-tree entries, file
 * specifications with embedded streams or file attachment annotations. The refusal says what was found and where.
 */
final class PdfChecks {

    private static final COSName LAUNCH = COSName.getPDFName("Launch");
    private static final COSName FILE_ATTACHMENT = COSName.getPDFName("FileAttachment");

    void check(Path pdf) {
        ApiException refusal = refusal(pdf);
        if (refusal != null) {
            throw refusal;
        }
    }

    private static @Nullable ApiException refusal(Path pdf) {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            // Opened with the empty user password: encrypted all the same, and its content is not what it seems.
            if (document.isEncrypted()) {
                return MaterialProblems.pdfEncrypted();
            }
            return activeContent(document.getDocumentCatalog().getCOSObject())
                    .map(MaterialProblems::pdfActiveContent).orElse(null);
        } catch (InvalidPasswordException e) {
            return MaterialProblems.pdfEncrypted();
        } catch (IOException | RuntimeException e) {
            return MaterialProblems.pdfUnreadable();
        }
    }

    /** The first active content reachable from the catalog, described with its path, e.g. {@code /Root/OpenAction}. */
    static Optional<String> activeContent(COSDictionary catalog) {
        Set<COSBase> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Node> pending = new ArrayDeque<>();
        pending.push(new Node(catalog, null, "/Root"));
        while (!pending.isEmpty()) {
            Node node = pending.pop();
            COSBase value = node.value() instanceof COSObject reference ? reference.getObject() : node.value();
            if (value == null || !seen.add(value)) {
                continue;
            }
            if (value instanceof COSDictionary dictionary) {
                String found = found(dictionary);
                if (found != null) {
                    return Optional.of(found + " (at " + node.path() + ")");
                }
                for (Map.Entry<COSName, COSBase> entry : dictionary.entrySet()) {
                    pending.push(new Node(entry.getValue(), node, "/" + entry.getKey().getName()));
                }
            } else if (value instanceof COSArray array) {
                for (int i = array.size() - 1; i >= 0; i--) {
                    pending.push(new Node(array.get(i), node, "[" + i + "]"));
                }
            }
        }
        return Optional.empty();
    }

    private static @Nullable String found(COSDictionary dictionary) {
        COSName action = dictionary.getCOSName(COSName.S);
        if (COSName.JAVA_SCRIPT.equals(action) || dictionary.containsKey(COSName.JS)) {
            return "JavaScript";
        }
        if (LAUNCH.equals(action)) {
            return "a Launch action";
        }
        if (dictionary.containsKey(COSName.XFA)) {
            return "an XFA form, which may carry scripts";
        }
        if (dictionary.containsKey(COSName.EMBEDDED_FILES)) {
            return "embedded files (EmbeddedFiles in the names tree)";
        }
        if (FILE_ATTACHMENT.equals(dictionary.getCOSName(COSName.SUBTYPE))) {
            return "a file attachment annotation";
        }
        if (dictionary.containsKey(COSName.EF) || COSName.EMBEDDED_FILE.equals(dictionary.getCOSName(COSName.TYPE))) {
            return "an embedded file";
        }
        return null;
    }

    /** A value met on the walk, with the way it was reached; the path is only spelled out for a finding. */
    private record Node(@Nullable COSBase value, @Nullable Node parent, String step) {

        String path() {
            StringBuilder path = new StringBuilder();
            for (Node at = this; at != null; at = at.parent()) {
                path.insert(0, at.step());
            }
            return path.toString();
        }
    }
}
