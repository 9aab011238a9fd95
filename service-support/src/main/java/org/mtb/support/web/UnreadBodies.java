package org.mtb.support.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rest of a refused request's body, read and dropped before the refusal is answered. Tomcat closes the connection
 * after a 413 and swallows at most 2 MB of a body left unread; with more still arriving, the close resets the
 * connection, and a client that sends its whole body before it reads (the JDK's {@code HttpURLConnection}, most
 * SDKs) gets "broken pipe" instead of the problem that says why. Bounded by its caller (the request limit for an
 * upload, {@code mtb.web.max-drain} for a JSON body): a body larger than the bound is left to the reset, so that a
 * refusal never reads without end. A JSON body is read so before the busy gate, holding no place in it.
 */
public final class UnreadBodies {

    private static final Logger log = LoggerFactory.getLogger(UnreadBodies.class);

    private UnreadBodies() {
    }

    /**
     * Reads and drops what is left of the body, at most {@code limit} bytes; true when its end was reached. A body that
     * declares more than {@code limit} is not read at all. Never throws: a client gone meanwhile only ends the reading.
     */
    public static boolean discard(HttpServletRequest request, long limit) {
        if (request.getContentLengthLong() > limit) {
            return false;
        }
        byte[] buffer = new byte[16 * 1024];
        long read = 0;
        try {
            InputStream rest = request.getInputStream();
            for (int n = rest.read(buffer); n >= 0; n = rest.read(buffer)) {
                read += n;
                if (read > limit) {
                    return false;
                }
            }
            return true;
        } catch (IOException | IllegalStateException unreadable) {
            log.debug("Could not read the rest of a refused body: {}", unreadable.toString());
            return false;
        }
    }
}
