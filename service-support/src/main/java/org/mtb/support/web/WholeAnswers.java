package org.mtb.support.web;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * Sends an answer that fits Tomcat's buffer (8 KB) whole: one write with its {@code Content-Length}, instead of a
 * chunked answer in two. Spring MVC flushes the response after its message converter has written the body, which
 * commits it before Tomcat knows the length; Tomcat then sends the headers and the body as a chunk, and the last
 * chunk in a second write when the request ends, which the client reads in two. Here a flush before the end is held
 * back: Tomcat sends everything when the request ends, with the length it then knows. An answer larger than the buffer
 * is still sent as it is written (Tomcat commits when its buffer is full), so nothing is held in memory beyond the
 * buffer. No service of the project streams an answer that must reach the client before the request ends (no
 * server-sent events, no long polls); one that did would have to be left out here.
 */
final class WholeAnswers implements Filter {

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (response instanceof HttpServletResponse http) {
            chain.doFilter(request, new FlushesAtTheEnd(http));
        } else {
            chain.doFilter(request, response);
        }
    }

    /** The response, its flushes left to Tomcat's end of the request. */
    private static final class FlushesAtTheEnd extends HttpServletResponseWrapper {

        private @Nullable ServletOutputStream stream;

        FlushesAtTheEnd(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void flushBuffer() {
            // Tomcat commits and writes the answer when the request ends.
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            ServletOutputStream own = stream;
            if (own == null) {
                own = new UnflushedStream(super.getOutputStream());
                stream = own;
            }
            return own;
        }
    }

    /** Tomcat's stream of the answer, but for its {@code flush}. */
    private static final class UnflushedStream extends ServletOutputStream {

        private final ServletOutputStream tomcat;

        UnflushedStream(ServletOutputStream tomcat) {
            this.tomcat = tomcat;
        }

        @Override
        public void write(int b) throws IOException {
            tomcat.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            tomcat.write(bytes, offset, length);
        }

        @Override
        public void flush() {
            // Tomcat commits and writes the answer when the request ends.
        }

        @Override
        public void close() throws IOException {
            tomcat.close();
        }

        @Override
        public boolean isReady() {
            return tomcat.isReady();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            tomcat.setWriteListener(listener);
        }
    }
}
