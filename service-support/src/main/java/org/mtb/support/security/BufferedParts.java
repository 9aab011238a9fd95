package org.mtb.support.security;

import jakarta.servlet.http.Part;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;

/**
 * Splits a {@code multipart/form-data} body held in memory into its parts (RFC 7578): each part's headers and its
 * bytes, which stay slices of the one body. Only what a signed upload needs: no nested multiparts, no transfer
 * encodings.
 */
final class BufferedParts {

    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] HEADERS_END = {'\r', '\n', '\r', '\n'};
    private static final int MAX_PARTS = 100;

    private BufferedParts() {
    }

    /** @throws IllegalArgumentException no boundary, or a body that does not follow it */
    static List<Part> split(byte[] body, String contentType) {
        String boundary;
        try {
            boundary = MediaType.parseMediaType(contentType).getParameter("boundary");
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("The Content-Type is not a valid multipart type");
        }
        if (boundary == null || boundary.isEmpty()) {
            throw new IllegalArgumentException("The multipart Content-Type names no boundary");
        }
        if (boundary.length() > 1 && boundary.startsWith("\"") && boundary.endsWith("\"")) {
            boundary = boundary.substring(1, boundary.length() - 1);
        }
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        byte[] between = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        int at = indexOf(body, delimiter, 0);
        if (at < 0) {
            throw new IllegalArgumentException("The body does not contain its multipart boundary");
        }
        List<Part> parts = new ArrayList<>();
        int position = at + delimiter.length;
        while (true) {
            if (startsWith(body, position, new byte[] {'-', '-'})) {
                return parts;
            }
            if (!startsWith(body, position, CRLF) || parts.size() == MAX_PARTS) {
                throw new IllegalArgumentException("The multipart body is malformed or has over " + MAX_PARTS + " parts");
            }
            int headersStart = position + CRLF.length;
            int headersEnd = indexOf(body, HEADERS_END, headersStart);
            int next = headersEnd < 0 ? -1 : indexOf(body, between, headersEnd + HEADERS_END.length);
            if (next < 0) {
                throw new IllegalArgumentException("A part of the multipart body is not closed by its boundary");
            }
            String headerText = new String(body, headersStart, headersEnd - headersStart, StandardCharsets.UTF_8);
            parts.add(new BufferedPart(headers(headerText), body, headersEnd + HEADERS_END.length, next));
            position = next + between.length;
        }
    }

    private static Map<String, String> headers(String text) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line : text.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
            }
        }
        if (!headers.containsKey("content-disposition")) {
            throw new IllegalArgumentException("A part of the multipart body has no Content-Disposition");
        }
        return headers;
    }

    private static boolean startsWith(byte[] body, int at, byte[] prefix) {
        if (at + prefix.length > body.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (body[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] body, byte[] needle, int from) {
        outer:
        for (int i = from; i <= body.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (body[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** One part: its headers and a slice of the body. */
    static final class BufferedPart implements Part {

        private final Map<String, String> headers;
        private final ContentDisposition disposition;
        private final byte[] body;
        private final int from;
        private final int to;

        BufferedPart(Map<String, String> headers, byte[] body, int from, int to) {
            this.headers = headers;
            this.disposition = ContentDisposition.parse(headers.get("content-disposition"));
            if (disposition.getName() == null) {
                throw new IllegalArgumentException("A part of the multipart body has no name");
            }
            this.body = body;
            this.from = from;
            this.to = to;
        }

        String text() {
            return new String(body, from, to - from, StandardCharsets.UTF_8);
        }

        @Override
        public InputStream getInputStream() {
            return new ByteArrayInputStream(body, from, to - from);
        }

        @Override
        public @Nullable String getContentType() {
            return headers.get("content-type");
        }

        @Override
        public String getName() {
            return disposition.getName();
        }

        @Override
        public @Nullable String getSubmittedFileName() {
            return disposition.getFilename();
        }

        @Override
        public long getSize() {
            return to - from;
        }

        @Override
        public void write(String fileName) throws IOException {
            Files.write(Path.of(fileName), java.util.Arrays.copyOfRange(body, from, to));
        }

        @Override
        public void delete() {
            // Held in memory only: nothing to remove.
        }

        @Override
        public @Nullable String getHeader(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        @Override
        public Collection<String> getHeaders(String name) {
            String value = getHeader(name);
            return value == null ? List.of() : List.of(value);
        }

        @Override
        public Collection<String> getHeaderNames() {
            return headers.keySet();
        }
    }
}
