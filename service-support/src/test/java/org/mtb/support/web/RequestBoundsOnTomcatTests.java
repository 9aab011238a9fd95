package org.mtb.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mtb.support.SupportTestApplication;
import org.mtb.support.security.SignedInRequests;
import org.mtb.support.security.TestTokens;
import org.mtb.support.testing.LocalMongo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What only a real Tomcat shows: a body over {@code mtb.web.max-body} refused 413 whether it declares its length or
 * comes in chunks, a body within it served, and what Tomcat refuses before any servlet (an encoded {@code /} or a NUL
 * in the path) answered as problem+json rather than Tomcat's HTML page, and what Spring Security's firewall refuses
 * answered 400 with its own code.
 */
@SpringBootTest(classes = {SupportTestApplication.class, RequestBoundsOnTomcatTests.Echo.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"mtb.web.max-body=1KB", "mtb.web.max-drain=48MB", "mtb.outbox.enabled=false"})
@ExtendWith(LocalMongo.class)
class RequestBoundsOnTomcatTests {

    private static final String MAX = "1024";
    /** The service's own MongoDB, as every service has one (channel nonces are kept there). */
    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> LocalMongo.uri("request_bounds"));
    }

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void refusesABodyThatDeclaresMoreThanTheLimitUnread() throws Exception {
        double before = refused("BODY_TOO_LARGE");
        HttpResponse<String> answer = post(HttpRequest.BodyPublishers.ofString(json(5_000)));

        assertProblem(answer, 413, "BODY_TOO_LARGE");
        assertThat(answer.body()).contains("at most " + MAX + " bytes");
        assertThat(refused("BODY_TOO_LARGE")).isEqualTo(before + 1);
    }

    /**
     * Tomcat closes the connection after a 413 and swallows at most 2 MB of a body left unread; with more still
     * arriving, the close reset the connection and a client that sends before it reads got "broken pipe" (40 MB here;
     * a few megabytes fit the machine's socket buffers). The rest of the body, up to {@code mtb.web.max-drain} (here
     * 48MB), is read and dropped first: a client that sends megabytes of JSON by mistake reads why.
     */
    @Test
    void answersA413WholeToAClientThatSendsMegabytesBeforeItReads() throws Exception {
        for (boolean chunked : new boolean[] {false, true, false, true}) {
            String answer = sendThenRead(40 * 1024 * 1024, chunked);

            assertThat(answer).as(chunked ? "chunked" : "declared").startsWith("HTTP/1.1 413")
                    .containsIgnoringCase("Content-Type: application/problem+json")
                    .matches("(?s).*\"code\":\"BODY_TOO_LARGE\"}(\r\n0\r\n\r\n)?"); // the body ends, whole
        }
    }

    @Test
    void refusesAChunkedBodyOneByteOverTheLimitAndServesOneAtIt() throws Exception {
        String over = json(1025);
        String at = json(1024);
        assertThat(over).hasSize(1025);

        double before = refused("BODY_TOO_LARGE");
        assertProblem(post(chunked(over)), 413, "BODY_TOO_LARGE");
        assertThat(refused("BODY_TOO_LARGE")).isEqualTo(before + 1);
        HttpResponse<String> served = post(chunked(at));
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.body()).isEqualTo(String.valueOf(at.length()));
    }

    @Test
    void answersWhatTomcatRefusesBeforeAnyServletAsProblemJsonWithoutThePathAndCountsIt() throws Exception {
        double before = refused("BAD_REQUEST");
        for (String path : new String[] {"/echo/path/110105194912310%2F2X", "/echo/path/a%00b"}) {
            String answer = raw("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

            assertThat(answer).startsWith("HTTP/1.1 400").containsIgnoringCase("Content-Type: application/problem+json")
                    .contains("\"code\":\"BAD_REQUEST\"").contains("\"status\":400")
                    .doesNotContain("<html").doesNotContain("110105").doesNotContain("Tomcat");
        }
        assertThat(refused("BAD_REQUEST")).isEqualTo(before + 2);
    }

    @Test
    void answersWhatTheFirewallRefusesAs400WithItsCodeEvenWithAValidToken() throws Exception {
        double before = refused("REQUEST_REJECTED");
        for (String path : new String[] {"/echo/path/x;jsessionid=1", "/echo//path/x"}) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base() + path))
                    .header("Authorization", bearer()).build(), HttpResponse.BodyHandlers.ofString());

            assertProblem(answer, 400, "REQUEST_REJECTED");
            assertThat(answer.body()).doesNotContain("jsessionid");
        }
        assertThat(refused("REQUEST_REJECTED")).isEqualTo(before + 2);
    }

    @Test
    void leavesTheOrdinaryPathsAlone() throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base() + "/echo/path/abc"))
                .header("Authorization", bearer()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("abc");
    }

    /**
     * Spring MVC flushes after writing a body, which made every JSON answer chunked, sent in two writes and read in
     * two; held back to the end, Tomcat sends an answer that fits its buffer in one, with its length.
     */
    @Test
    void sendsAnAnswerThatFitsTheBufferWholeWithItsLength() throws Exception {
        String answer = raw("GET /echo/text/abc HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + bearer()
                + "\r\nConnection: close\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 200").containsIgnoringCase("Content-Length: 14\r\n")
                .doesNotContainIgnoringCase("Transfer-Encoding").endsWith("\r\n\r\n{\"text\":\"abc\"}");
    }

    @Test
    void sendsAnAnswerLargerThanTheBufferAsItIsWritten() throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base() + "/echo/text/" + "b".repeat(
                100) + "?times=300")).header("Authorization", bearer()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Transfer-Encoding")).hasValue("chunked");
        assertThat(answer.body()).isEqualTo("{\"text\":\"" + "b".repeat(30_000) + "\"}");
    }

    private HttpResponse<String> post(HttpRequest.BodyPublisher body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base() + "/echo/length")).header("Authorization", bearer())
                .header("Content-Type", "application/json").POST(body).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A body of unknown length: the client sends it in chunks, without Content-Length. */
    private static HttpRequest.BodyPublisher chunked(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes));
    }

    /** A JSON object of exactly {@code size} bytes: {"text":"aaa…"}. */
    private static String json(int size) {
        return "{\"text\":\"" + "a".repeat(size - 11) + "\"}";
    }

    private String raw(String request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * Sends a JSON body of {@code size} bytes, its length declared or in chunks, then reads the answer, as most clients
     * do (the JDK's {@code HttpURLConnection}, for one); the answer, or what the failure to send or read it said.
     */
    private String sendThenRead(int size, boolean chunked) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000); // an answer that never comes fails the test rather than hanging it
            OutputStream out = socket.getOutputStream();
            try {
                out.write(("POST /echo/length HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + bearer()
                        + "\r\nContent-Type: application/json\r\n"
                        + (chunked ? "Transfer-Encoding: chunked" : "Content-Length: " + size) + "\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
                byte[] chunk = new byte[64 * 1024];
                Arrays.fill(chunk, (byte) ' ');
                for (int sent = 0; sent < size; sent += chunk.length) {
                    int length = Math.min(chunk.length, size - sent);
                    if (chunked) {
                        out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    }
                    out.write(chunk, 0, length);
                    if (chunked) {
                        out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    }
                }
                if (chunked) {
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                }
                out.flush();
                return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException failed) {
                return "failed: " + failed;
            }
        }
    }

    private static void assertProblem(HttpResponse<String> answer, int status, String code) {
        assertThat(answer.statusCode()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(answer.body()).contains("\"code\":\"" + code + "\"");
    }

    private double refused(String code) {
        return meters.get("mtb.web.requests.refused").tag("code", code).counter().count();
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private static String bearer() {
        return TestTokens.bearer(SignedInRequests.everyRole());
    }

    record Text(String text) {
    }

    @RestController
    static class Echo {

        @PostMapping("/echo/length")
        String length(@RequestBody Text body) {
            return String.valueOf(body.text().length() + 11);
        }

        @GetMapping("/echo/text/{value}")
        ResponseEntity<Text> text(@PathVariable String value, @RequestParam(defaultValue = "1") int times) {
            return ResponseEntity.ok(new Text(value.repeat(times))); // as the services answer: flushed by Spring MVC
        }

        @GetMapping("/echo/path/{value}")
        String path(@PathVariable String value) {
            return value;
        }
    }
}
