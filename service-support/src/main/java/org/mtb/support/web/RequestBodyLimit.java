package org.mtb.support.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request body larger than {@code mtb.web.max-body} with 413 {@code BODY_TOO_LARGE}, before anything reads
 * it: a JSON body is parsed whole into memory, and one body of tens of megabytes would otherwise fill a small heap and
 * stop the service for everybody. A body that declares its length is refused without being parsed (Tomcat never hands
 * on more than it declares); one of unknown length is counted as it is read and refused one byte past the limit.
 * Either way the rest of it, up to {@code mtb.web.max-drain}, is read and dropped before the answer
 * ({@link UnreadBodies}), so that a client still sending reads its 413 rather than a reset connection. Multipart
 * uploads are left to the container's own limits ({@code spring.servlet.multipart.*}), which keep large parts on disk.
 */
final class RequestBodyLimit extends OncePerRequestFilter {

    static final String CODE = "BODY_TOO_LARGE";

    private final long maxBytes;
    private final long maxDrain;
    private final Counter refused;

    RequestBodyLimit(long maxBytes, long maxDrain, MeterRegistry meters) {
        this.maxBytes = maxBytes;
        this.maxDrain = maxDrain;
        this.refused = meters.counter(Problems.REFUSED_METRIC, "code", CODE);
    }

    static ProblemDetail problem(long maxBytes) {
        return Problems.of(HttpStatus.CONTENT_TOO_LARGE, CODE, "Body too large",
                "The request's body may be at most " + maxBytes + " bytes", List.of());
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.regionMatches(true, 0, "multipart/", 0, "multipart/".length());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            refused.increment();
            UnreadBodies.discard(request, maxDrain);
            Problems.write(response, problem(maxBytes));
            return;
        }
        if (declared >= 0) {
            chain.doFilter(request, response);
            return;
        }
        Counted counted = new Counted(request, maxBytes, refused);
        try {
            chain.doFilter(counted, response);
            if (counted.overLimit()) {
                // refused by whichever handler met the failure (ApiProblemHandler's 413), the rest still unread
                UnreadBodies.discard(request, maxDrain);
            }
        } catch (IOException | ServletException | RuntimeException e) {
            if (within(e) == null || response.isCommitted()) {
                throw e;
            }
            response.reset();
            UnreadBodies.discard(request, maxDrain);
            Problems.write(response, problem(maxBytes));
        }
    }

    /** The refusal of a body past the limit among the failure and its causes, wherever a reader wrapped it. */
    static @Nullable BodyTooLarge within(Throwable failure) {
        return Problems.causeOf(failure, BodyTooLarge.class);
    }

    /** Thrown by the counted body one byte past the limit; answered 413 wherever it surfaces. */
    static final class BodyTooLarge extends IOException {
        final long maxBytes;

        BodyTooLarge(long maxBytes) {
            super("The request's body is larger than " + maxBytes + " bytes");
            this.maxBytes = maxBytes;
        }
    }

    /** A request whose body, of unknown length, fails once more than the limit has been read. */
    private static final class Counted extends HttpServletRequestWrapper {
        private final long maxBytes;
        private final Counter refused;
        private @Nullable ServletInputStream counted;

        Counted(HttpServletRequest request, long maxBytes, Counter refused) {
            super(request);
            this.maxBytes = maxBytes;
            this.refused = refused;
        }

        /** Whether the body grew past the limit while it was read. */
        boolean overLimit() {
            return counted instanceof CountedStream stream && stream.read > stream.maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (counted == null) {
                counted = new CountedStream(super.getInputStream(), maxBytes, refused);
            }
            return counted;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding, StandardCharsets.UTF_8);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    private static final class CountedStream extends ServletInputStream {
        private final ServletInputStream body;
        private final long maxBytes;
        private final Counter refused;
        private long read;

        CountedStream(ServletInputStream body, long maxBytes, Counter refused) {
            this.body = body;
            this.maxBytes = maxBytes;
            this.refused = refused;
        }

        @Override
        public int read() throws IOException {
            int b = body.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = body.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        /** Counts the refusal once, however often the reader tries again past the limit. */
        private void count(int n) throws BodyTooLarge {
            boolean within = read <= maxBytes;
            read += n;
            if (read > maxBytes) {
                if (within) {
                    refused.increment();
                }
                throw new BodyTooLarge(maxBytes);
            }
        }

        @Override
        public boolean isFinished() {
            return body.isFinished();
        }

        @Override
        public boolean isReady() {
            return body.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            body.setReadListener(listener);
        }
    }
}
