package org.mtb.intake.material;

import java.util.List;
import org.mtb.support.web.ApiException;
import org.mtb.support.web.FieldProblem;
import org.springframework.http.HttpStatus;

/**
 * The refusals of the materials feature, each with its stable code. A refusal of the file itself names the field
 * {@code file} with the same code, so that a form can show it beside the upload.
 */
final class MaterialProblems {

    private static final String TOO_LARGE = "MATERIAL_TOO_LARGE";
    private static final String FILE = "file";

    private MaterialProblems() {
    }

    static ApiException invalid(List<FieldProblem> problems) {
        return new ApiException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "Invalid upload",
                problems.size() + " field(s) need correcting; all are listed in 'errors'", problems);
    }

    /** A channel or counter uploading for a region its token does not name. */
    static ApiException regionOutOfScope(String regionCode) {
        return new ApiException(HttpStatus.FORBIDDEN, "REGION_OUT_OF_SCOPE", "Region not served",
                "This access token does not act in region " + regionCode);
    }

    static ApiException catalogUnavailable() {
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "CATALOG_NOT_LOADED", "Catalog not loaded yet",
                "No regional catalog has reached intake yet; try again shortly");
    }

    static ApiException regionNotSupported(String regionCode) {
        String message = "region " + regionCode + " does not take applications here";
        return unprocessable("REGION_NOT_SUPPORTED", "Region not supported", "regionCode", message);
    }

    static ApiException diseaseNotListed(String diseaseCode, String regionCode) {
        String message = "disease " + diseaseCode + " is not on the list of region " + regionCode;
        return unprocessable("DISEASE_NOT_LISTED", "Disease not listed", "diseaseCode", message);
    }

    static ApiException typeUnknown(String type, String where, List<String> known) {
        String message = "material type " + type + " is not among the materials of " + where + "; known types: "
                + (known.isEmpty() ? "none" : String.join(", ", known));
        return unprocessable("MATERIAL_TYPE_UNKNOWN", "Unknown material type", "type", message);
    }

    static ApiException empty() {
        return file("MATERIAL_EMPTY", "Empty file", "the file has no content");
    }

    static ApiException formatNotAllowed(String detectedType, List<String> allowed) {
        return file("MATERIAL_FORMAT_NOT_ALLOWED", "Format not allowed", "the content is " + detectedType
                + ", which is not an allowed format for this material; allowed: " + String.join(", ", allowed));
    }

    static ApiException tooLarge(long limitMb) {
        return new ApiException(HttpStatus.CONTENT_TOO_LARGE, TOO_LARGE, "File too large",
                tooLargeMessage(limitMb), List.of(new FieldProblem(FILE, TOO_LARGE, tooLargeMessage(limitMb))));
    }

    /** An upload over the largest this service takes of any material ({@code spring.servlet.multipart.*}). */
    static ApiException overUploadLimit(long limitMb) {
        String message = "the upload is larger than the " + limitMb + " MB this service takes of any material";
        return new ApiException(HttpStatus.CONTENT_TOO_LARGE, TOO_LARGE, "File too large", message,
                List.of(new FieldProblem(FILE, TOO_LARGE, message)));
    }

    /** A multipart body that cannot be read, e.g. cut off. */
    static ApiException malformedUpload() {
        return new ApiException(HttpStatus.BAD_REQUEST, "MULTIPART_INVALID", "Unreadable upload",
                "The multipart/form-data body cannot be read; send it again");
    }

    private static String tooLargeMessage(long limitMb) {
        return "the file is larger than the " + limitMb + " MB allowed for this material";
    }

    static ApiException imageTooLargeToDecode(long width, long height, long maxPixels) {
        return file("MATERIAL_IMAGE_TOO_LARGE_TO_DECODE", "Image too large to decode", "the image declares "
                + width + " × " + height + " pixels, more than the " + maxPixels + " pixels an image may have");
    }

    static ApiException imageUnreadable(String format) {
        return file("MATERIAL_IMAGE_UNREADABLE", "Image unreadable",
                "the file starts as a " + format + " image but its header cannot be read");
    }

    static ApiException pdfEncrypted() {
        return file("MATERIAL_PDF_ENCRYPTED", "Encrypted PDF",
                "the PDF is encrypted or password-protected; upload it without protection");
    }

    static ApiException pdfActiveContent(String found) {
        return file("MATERIAL_PDF_ACTIVE_CONTENT", "PDF with active content",
                "the PDF contains " + found + "; upload a PDF without scripts or attached files");
    }

    static ApiException pdfUnreadable() {
        return file("MATERIAL_PDF_UNREADABLE", "Unreadable PDF", "the file starts as a PDF but cannot be read as one");
    }

    /**
     * An unknown material, or one the caller may not read: the same answer, so that ids cannot be probed. The id is
     * not repeated, since a mistyped path may hold anything.
     */
    static ApiException notFound() {
        return new ApiException(HttpStatus.NOT_FOUND, "MATERIAL_NOT_FOUND", "Material not found",
                "There is no such material, or none this access token may read");
    }

    private static ApiException file(String code, String title, String message) {
        return unprocessable(code, title, FILE, message);
    }

    private static ApiException unprocessable(String code, String title, String field, String message) {
        return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, code, title, message,
                List.of(new FieldProblem(field, code, message)));
    }
}
