package org.mtb.benchmarks.submissions;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * A plain HTTP/1.1 client for the load driver: blocking requests over a pool of keep-alive connections, one request
 * at a time per connection. The JDK's {@code HttpClient} took a third of a core at 600 requests/s on the same two
 * cores as the stack it measured; this one writes the request and reads the answer (by {@code Content-Length} or
 * chunked, {@link AnswerBytes}) and does nothing else. A connection the server closed while it sat in the pool fails
 * before any answer arrived: the request is then sent once more on a new connection (each submission carries an
 * idempotency key, so it cannot apply twice). The open loop of phases (b) and (c) sends without blocking instead
 * ({@link OpenLoop}).
 */
final class KeepAliveHttp implements AutoCloseable {

    /** An answer: the status, the headers (names in lower case) and the body as text. */
    record Answer(int status, Map<String, String> headers, String body) {
    }

    private final InetSocketAddress server;
    private final int timeoutMillis;
    private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();

    KeepAliveHttp(String host, int port, Duration timeout) {
        this.server = new InetSocketAddress(host, port);
        this.timeoutMillis = (int) timeout.toMillis();
    }

    /** POSTs {@code body} to {@code path} with the given headers, and waits for the whole answer. */
    Answer post(String path, Map<String, String> headers, String body) throws IOException {
        return send(request(path, headers, body));
    }

    /** The bytes of a POST of {@code body} to {@code path} with the given headers, to {@link #send} now or later. */
    byte[] request(String path, Map<String, String> headers, String body) {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(256).append("POST ").append(path).append(" HTTP/1.1\r\nHost: ")
                .append(server.getHostString()).append(':').append(server.getPort()).append("\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("Content-Length: ").append(content.length).append("\r\n\r\n");
        return concat(head.toString().getBytes(StandardCharsets.UTF_8), content);
    }

    /** Sends a request made by {@link #request}, and waits for the whole answer. */
    Answer send(byte[] request) throws IOException {
        Connection pooled = idle.pollFirst();
        if (pooled != null) {
            try {
                return exchange(pooled, request);
            } catch (StaleConnection e) {
                pooled.close();
            }
        }
        try {
            return exchange(open(), request);
        } catch (StaleConnection e) {
            throw new EOFException("the server closed a new connection without answering");
        }
    }

    @Override
    public void close() {
        for (Connection connection = idle.pollFirst(); connection != null; connection = idle.pollFirst()) {
            connection.close();
        }
    }

    private Connection open() throws IOException {
        Socket socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(timeoutMillis);
        socket.connect(server, 2_000);
        return new Connection(socket, socket.getInputStream(), socket.getOutputStream());
    }

    private Answer exchange(Connection connection, byte[] request) throws IOException {
        boolean answering = false;
        try {
            connection.out().write(request);
            connection.out().flush();
            byte[] in = new byte[8192];
            int length = 0;
            Answer answer = null;
            while (answer == null) {
                if (length == in.length) {
                    in = Arrays.copyOf(in, in.length * 2);
                }
                int read = connection.in().read(in, length, in.length - length);
                if (read < 0) {
                    throw new EOFException("the connection ended in the middle of an answer");
                }
                answering = true;
                length += read;
                answer = AnswerBytes.complete(in, length);
            }
            if ("close".equalsIgnoreCase(answer.headers().get("connection"))) {
                connection.close();
            } else {
                idle.addFirst(connection);
            }
            return answer;
        } catch (IOException | RuntimeException e) {
            connection.close();
            if (!answering && e instanceof IOException && !(e instanceof java.net.SocketTimeoutException)) {
                throw new StaleConnection(e);
            }
            if (e instanceof RuntimeException unreadable) {
                // A status, header or chunk size that does not parse: an answer, but not one of HTTP/1.1.
                throw new MalformedAnswer(unreadable);
            }
            throw e;
        }
    }

    private static byte[] concat(byte[] head, byte[] content) {
        byte[] all = new byte[head.length + content.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(content, 0, all, head.length, content.length);
        return all;
    }

    /** A pooled connection the server had closed: nothing of an answer arrived. */
    private static final class StaleConnection extends IOException {
        StaleConnection(Throwable cause) {
            super(cause);
        }
    }

    /** An answer that is not HTTP/1.1: a caller counts it as a failed exchange, as any other {@link IOException}. */
    static final class MalformedAnswer extends IOException {
        MalformedAnswer(RuntimeException cause) {
            super("an answer that is not HTTP/1.1: " + cause.getMessage(), cause);
        }
    }

    private record Connection(Socket socket, InputStream in, OutputStream out) {

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
