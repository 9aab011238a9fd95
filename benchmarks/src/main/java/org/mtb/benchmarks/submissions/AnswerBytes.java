package org.mtb.benchmarks.submissions;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An HTTP/1.1 answer read from the bytes that have arrived so far on a connection, for a client that reads without
 * blocking ({@link OpenLoop}): nothing until the whole answer is there, framed by {@code Content-Length} or chunked,
 * as {@link KeepAliveHttp} reads it from a stream.
 */
final class AnswerBytes {

    private static final byte[] END_OF_HEAD = {'\r', '\n', '\r', '\n'};

    private AnswerBytes() {
    }

    /**
     * The answer in {@code bytes[0..length)}, or null while part of it has still to come.
     *
     * @throws IllegalArgumentException, NumberFormatException or IndexOutOfBoundsException where the bytes are not an
     *         HTTP/1.1 answer (a status, header or chunk size that does not parse)
     */
    static KeepAliveHttp.@Nullable Answer complete(byte[] bytes, int length) {
        int headEnd = indexOf(bytes, 0, length, END_OF_HEAD);
        if (headEnd < 0) {
            return null;
        }
        String head = new String(bytes, 0, headEnd, StandardCharsets.ISO_8859_1);
        int lineEnd = head.indexOf("\r\n");
        int status = Integer.parseInt(head.substring(9, 12));
        Map<String, String> headers = new HashMap<>();
        while (lineEnd >= 0) {
            int lineStart = lineEnd + 2;
            lineEnd = head.indexOf("\r\n", lineStart);
            String line = head.substring(lineStart, lineEnd < 0 ? head.length() : lineEnd);
            int colon = line.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("a header without a colon: " + line);
            }
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        int bodyStart = headEnd + END_OF_HEAD.length;
        byte[] body = body(bytes, bodyStart, length, headers);
        return body == null ? null
                : new KeepAliveHttp.Answer(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte @Nullable [] body(byte[] bytes, int start, int length, Map<String, String> headers) {
        String contentLength = headers.get("content-length");
        if (contentLength != null) {
            int size = Integer.parseInt(contentLength);
            if (length - start < size) {
                return null;
            }
            byte[] body = new byte[size];
            System.arraycopy(bytes, start, body, 0, size);
            return body;
        }
        if (!"chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            return new byte[0];
        }
        return chunked(bytes, start, length);
    }

    private static byte @Nullable [] chunked(byte[] bytes, int start, int length) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int at = start;
        while (true) {
            int lineEnd = indexOf(bytes, at, length, END_OF_HEAD, 2);
            if (lineEnd < 0) {
                return null;
            }
            String line = new String(bytes, at, lineEnd - at, StandardCharsets.ISO_8859_1);
            int extension = line.indexOf(';');
            int size = Integer.parseInt((extension < 0 ? line : line.substring(0, extension)).trim(), 16);
            at = lineEnd + 2;
            if (size == 0) {
                return trailersEnd(bytes, at, length) ? body.toByteArray() : null;
            }
            if (length - at < size + 2) {
                return null;
            }
            body.write(bytes, at, size);
            at += size + 2;
        }
    }

    /** Whether the trailers (not used) from {@code at} end with their empty line within {@code length}. */
    private static boolean trailersEnd(byte[] bytes, int at, int length) {
        for (int lineEnd = indexOf(bytes, at, length, END_OF_HEAD, 2); lineEnd >= 0;
                lineEnd = indexOf(bytes, at, length, END_OF_HEAD, 2)) {
            if (lineEnd == at) {
                return true;
            }
            at = lineEnd + 2;
        }
        return false;
    }

    private static int indexOf(byte[] bytes, int from, int length, byte[] sought) {
        return indexOf(bytes, from, length, sought, sought.length);
    }

    /** Where the first {@code soughtLength} bytes of {@code sought} begin in {@code bytes[from..length)}, or -1. */
    private static int indexOf(byte[] bytes, int from, int length, byte[] sought, int soughtLength) {
        outer:
        for (int i = from; i <= length - soughtLength; i++) {
            for (int j = 0; j < soughtLength; j++) {
                if (bytes[i + j] != sought[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
