package org.mtb.benchmarks.submissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The load driver's HTTP client against a small server on a real socket that answers as told. */
class KeepAliveHttpTests {

    private ServerSocket server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    @Test
    void readsAnAnswerByItsLengthAndSendsTheNextRequestOnTheSameConnection() throws IOException {
        serve(false, request -> answer(201, "Content-Length", "{\"n\":1}"));
        try (KeepAliveHttp http = client()) {
            KeepAliveHttp.Answer first = http.post("/api/v1/applications", Map.of("Idempotency-Key", "k-1"), "酒泉");
            KeepAliveHttp.Answer second = http.post("/api/v1/applications", Map.of("Idempotency-Key", "k-2"), "{}");

            assertThat(first.status()).isEqualTo(201);
            assertThat(first.body()).isEqualTo("{\"n\":1}");
            assertThat(first.headers()).containsEntry("idempotent-replayed", "false");
            assertThat(second.status()).isEqualTo(201);
        }
        assertThat(connections).hasValue(1);
        assertThat(requests.getFirst()).startsWith("POST /api/v1/applications HTTP/1.1\r\n")
                .contains("Idempotency-Key: k-1\r\n").contains("Content-Length: 6\r\n").endsWith("\r\n\r\n酒泉");
    }

    @Test
    void sendsARequestMadeEarlierAsPostSendsItAtOnce() throws IOException {
        serve(false, request -> answer(201, "Content-Length", "{}"));
        try (KeepAliveHttp http = client()) {
            byte[] made = http.request("/api/v1/applications", Map.of("Idempotency-Key", "k-1"), "酒泉");
            assertThat(http.post("/api/v1/applications", Map.of("Idempotency-Key", "k-1"), "酒泉").status())
                    .isEqualTo(201);
            assertThat(http.send(made).status()).isEqualTo(201);
        }
        assertThat(requests).hasSize(2);
        assertThat(requests.get(1)).isEqualTo(requests.get(0));
    }

    @Test
    void readsAChunkedAnswer() throws IOException {
        serve(false, request -> answer(503, "chunked", "{\"code\":\"SERVICE_BUSY\"}"));
        try (KeepAliveHttp http = client()) {
            KeepAliveHttp.Answer answer = http.post("/x", Map.of(), "{}");

            assertThat(answer.status()).isEqualTo(503);
            assertThat(answer.body()).isEqualTo("{\"code\":\"SERVICE_BUSY\"}");
        }
    }

    @Test
    void sendsARequestAgainOnANewConnectionWhenTheServerHadClosedThePooledOne() throws IOException {
        serve(true, request -> answer(201, "Content-Length", "{}"));
        try (KeepAliveHttp http = client()) {
            assertThat(http.post("/x", Map.of(), "one").status()).isEqualTo(201);
            assertThat(http.post("/x", Map.of(), "two").status()).isEqualTo(201);
        }
        assertThat(connections).hasValue(2);
        assertThat(requests).hasSize(2);
    }

    @Test
    void doesNotSendARequestAgainWhenTheAnswerTimedOut() throws IOException {
        serve(false, request -> null);
        try (KeepAliveHttp http = new KeepAliveHttp("127.0.0.1", server.getLocalPort(), Duration.ofMillis(300))) {
            assertThatThrownBy(() -> http.post("/x", Map.of(), "slow")).isInstanceOf(SocketTimeoutException.class);
        }
        assertThat(requests).hasSize(1);
    }

    @Test
    void anAnswerThatIsNotHttpIsAnIoFailureThatNamesWhatCame() throws IOException {
        serve(false, request -> "HTTP/1.1 2O1 X\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.UTF_8));
        try (KeepAliveHttp http = client()) {
            assertThatThrownBy(() -> http.post("/x", Map.of(), "{}")).isInstanceOf(KeepAliveHttp.MalformedAnswer.class)
                    .hasMessageContaining("2O1").hasCauseInstanceOf(NumberFormatException.class);
        }
        assertThat(requests).hasSize(1);
    }

    private KeepAliveHttp client() {
        return new KeepAliveHttp("127.0.0.1", server.getLocalPort(), Duration.ofSeconds(5));
    }

    private static byte[] answer(int status, String framing, String body) {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + status + " X\r\nIdempotent-Replayed: false\r\nContent-Type: application/json\r\n";
        if (framing.equals("chunked")) {
            String chunked = Integer.toHexString(5) + "\r\n" + body.substring(0, 5) + "\r\n"
                    + Integer.toHexString(content.length - 5) + ";ext=1\r\n" + body.substring(5) + "\r\n0\r\n\r\n";
            return (head + "Transfer-Encoding: chunked\r\n\r\n" + chunked).getBytes(StandardCharsets.UTF_8);
        }
        return (head + "Content-Length: " + content.length + "\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8);
    }

    /** Answers each request as {@code answers} says (null: never); closes each connection after one answer if told. */
    private void serve(boolean closeAfterOne, java.util.function.Function<String, byte[]> answers) throws IOException {
        server = new ServerSocket(0);
        Thread.ofPlatform().daemon().start(() -> {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    connections.incrementAndGet();
                    Thread.ofPlatform().daemon().start(() -> converse(socket, closeAfterOne, answers));
                } catch (IOException closed) {
                    return;
                }
            }
        });
    }

    private void converse(Socket socket, boolean closeAfterOne, java.util.function.Function<String, byte[]> answers) {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            while (true) {
                String request = readRequest(in);
                if (request == null) {
                    return;
                }
                requests.add(request);
                byte[] answer = answers.apply(request);
                if (answer == null) {
                    Thread.sleep(2_000);
                    return;
                }
                out.write(answer);
                out.flush();
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
