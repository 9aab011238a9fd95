package org.mtb.benchmarks.submissions;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A small HTTP/1.1 server on a real socket for the load driver's clients: it answers each request as told (null: never,
 * the connection held 2 s), on a thread per connection, and records every request and connection.
 */
final class AnsweringServer implements AutoCloseable {

    final List<String> requests = new CopyOnWriteArrayList<>();
    /** When each request had arrived whole, in {@link System#nanoTime()}. */
    final List<Long> arrivals = new CopyOnWriteArrayList<>();
    final AtomicInteger connections = new AtomicInteger();
    private final ServerSocket server;
    private final boolean closeAfterOne;
    private final Function<String, byte[]> answers;
    private final Thread acceptor;
    private volatile long resetAfterMillis = -1;

    /** Closes each connection after one answer if {@code closeAfterOne}, without saying so in the answer. */
    AnsweringServer(boolean closeAfterOne, Function<String, byte[]> answers) throws IOException {
        this.server = new ServerSocket(0, 512);
        this.closeAfterOne = closeAfterOne;
        this.answers = answers;
        this.acceptor = Thread.ofPlatform().daemon().start(this::accept);
    }

    /**
     * From now on, resets each connection (a TCP RST, not a FIN) {@code millis} after its first answer, while the
     * client keeps it for its next request.
     */
    AnsweringServer resettingAfter(long millis) {
        resetAfterMillis = millis;
        return this;
    }

    int port() {
        return server.getLocalPort();
    }

    /**
     * Closes the listening socket and waits until it is gone: while the accepting thread is still blocked in
     * {@code accept}, the JDK defers the socket's release to it, and a client connecting in between was taken and
     * answered (a CI run of {@code countsARefusedConnectionAsNoAnswer} got two answers from a port just closed).
     */
    @Override
    public void close() throws IOException {
        server.close();
        try {
            acceptor.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** An answer with {@code framing} "Content-Length" or "chunked" (in two chunks, the second with an extension). */
    static byte[] answer(int status, String framing, String body) {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + status + " X\r\nIdempotent-Replayed: false\r\nContent-Type: application/json\r\n";
        if (framing.equals("chunked")) {
            String chunked = Integer.toHexString(5) + "\r\n" + body.substring(0, 5) + "\r\n"
                    + Integer.toHexString(content.length - 5) + ";ext=1\r\n" + body.substring(5) + "\r\n0\r\n\r\n";
            return (head + "Transfer-Encoding: chunked\r\n\r\n" + chunked).getBytes(StandardCharsets.UTF_8);
        }
        return (head + "Content-Length: " + content.length + "\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.incrementAndGet();
                Thread.ofPlatform().daemon().start(() -> converse(socket));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void converse(Socket socket) {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            while (true) {
                String request = readRequest(in);
                if (request == null) {
                    return;
                }
                arrivals.add(System.nanoTime());
                requests.add(request);
                byte[] answer = answers.apply(request);
                if (answer == null) {
                    Thread.sleep(2_000);
                    return;
                }
                out.write(answer);
                out.flush();
                if (resetAfterMillis >= 0) {
                    Thread.sleep(resetAfterMillis);
                    socket.setSoLinger(true, 0);
                    return;
                }
                if (closeAfterOne) {
                    return;
                }
            }
        } catch (IOException | InterruptedException e) {
            // the test is over
        }
    }

    private static String readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
        }
        String headers = head.toString(StandardCharsets.ISO_8859_1);
        int at = headers.indexOf("Content-Length: ") + "Content-Length: ".length();
        int length = Integer.parseInt(headers.substring(at, headers.indexOf("\r\n", at)));
        return head.toString(StandardCharsets.UTF_8) + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
}
