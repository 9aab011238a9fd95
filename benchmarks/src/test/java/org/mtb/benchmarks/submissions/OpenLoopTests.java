package org.mtb.benchmarks.submissions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The load driver's open loop against a server on a real socket that answers as told ({@link AnsweringServer}). */
class OpenLoopTests {

    private static final double EVERY_20_MS = 20_000_000;

    private AnsweringServer server;

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    @Test
    void sendsEachRequestAtItsMomentOnAConnectionAnAnswerFreed() throws IOException {
        server = new AnsweringServer(false, request -> AnsweringServer.answer(201, "Content-Length", "{}"));

        OpenLoop.Run run = run(10, 20, EVERY_20_MS, Duration.ofSeconds(5));

        assertThat(run.sent()).isEqualTo(20);
        assertThat(outcomes(run)).extracting(Outcome::index).containsExactlyElementsOf(
                IntStream.range(10, 30).boxed().toList());
        assertThat(outcomes(run)).extracting(Outcome::status).containsOnly(201);
        assertThat(server.requests).allSatisfy(request -> assertThat(request).startsWith("POST /x HTTP/1.1\r\n"));
        assertThat(server.requests.getFirst()).endsWith("\r\n\r\n第10件");
        assertThat(server.connections).as("each answer came before the next moment").hasValue(1);
        long span = server.arrivals.getLast() - server.arrivals.getFirst();
        assertThat(span).as("19 intervals of 20 ms")
                .isBetween(19 * 20_000_000L - 5_000_000, 19 * 20_000_000L + 60_000_000);
    }

    @Test
    void sendsAtItsMomentWhileEarlierRequestsStillWait() throws IOException {
        server = new AnsweringServer(false, request -> {
            sleep(150);
            return AnsweringServer.answer(201, "chunked", "{\"code\":\"late\"}");
        });

        OpenLoop.Run run = run(0, 10, EVERY_20_MS, Duration.ofSeconds(5));

        assertThat(outcomes(run)).hasSize(10).allSatisfy(outcome -> {
            assertThat(outcome.status()).isEqualTo(201);
            assertThat(outcome.latencyMicros()).isGreaterThanOrEqualTo(150_000);
        });
        assertThat(server.connections.get()).as("about 150 / 20 requests wait at once").isBetween(7, 10);
        long span = server.arrivals.getLast() - server.arrivals.getFirst();
        assertThat(span).as("sent on schedule, not after the answers").isLessThan(9 * 20_000_000L + 60_000_000);
    }

    @Test
    void sendsARequestAgainOnANewConnectionWhenTheServerHadClosedThePooledOne() throws IOException {
        server = new AnsweringServer(true, request -> AnsweringServer.answer(201, "Content-Length", "{}"));

        OpenLoop.Run run = run(0, 5, EVERY_20_MS, Duration.ofSeconds(5));

        assertThat(outcomes(run)).extracting(Outcome::status).containsOnly(201).hasSize(5);
        assertThat(server.requests).as("each request reached the server once").hasSize(5);
        assertThat(server.connections).hasValue(5);
    }

    @Test
    void sendsARequestAgainWhenItsPooledConnectionTurnsOutClosed() throws IOException {
        server = new AnsweringServer(true, request -> AnsweringServer.answer(201, "Content-Length", "{}"));

        // One at a time, each due at once: the next request goes out on the connection just freed, which the server
        // closed after its answer; it fails there before any answer and goes again on a new one.
        OpenLoop.Run run = run(0, 5, 0, Duration.ofSeconds(5), 1);

        assertThat(outcomes(run)).extracting(Outcome::status).containsOnly(201).hasSize(5);
        assertThat(server.requests).as("each request reached the server once").hasSize(5);
    }

    @Test
    void dropsAnIdleConnectionTheServerResetAndSendsTheNextRequestOnANewOne() throws IOException {
        server = new AnsweringServer(false, request -> AnsweringServer.answer(201, "Content-Length", "{}"))
                .resettingAfter(20);

        OpenLoop.Run run = run(0, 3, 100_000_000, Duration.ofSeconds(5));

        assertThat(outcomes(run)).extracting(Outcome::status).containsExactly(201, 201, 201);
        assertThat(server.requests).hasSize(3);
        assertThat(server.connections).hasValue(3);
    }

    @Test
    void closesAConnectionTheAnswerSaysIsClosed() throws IOException {
        server = new AnsweringServer(false, request -> ("HTTP/1.1 503 X\r\nConnection: close\r\nContent-Length: 2"
                + "\r\n\r\n{}").getBytes(StandardCharsets.UTF_8));

        OpenLoop.Run run = run(0, 3, EVERY_20_MS, Duration.ofSeconds(5));

        assertThat(outcomes(run)).extracting(Outcome::status).containsExactly(503, 503, 503);
        assertThat(server.connections).hasValue(3);
    }

    @Test
    void countsARequestWithoutAnAnswerInTimeAsFailedAndDoesNotSendItAgain() throws IOException {
        server = new AnsweringServer(false, request -> null);

        OpenLoop.Run run = run(0, 2, EVERY_20_MS, Duration.ofMillis(300));

        assertThat(outcomes(run)).allSatisfy(outcome -> {
            assertThat(outcome.status()).isZero();
            assertThat(outcome.failure()).isEqualTo("SocketTimeoutException");
            assertThat(outcome.latencyMicros()).isGreaterThanOrEqualTo(300_000);
        }).hasSize(2);
        assertThat(server.requests).hasSize(2);
    }

    @Test
    void anAnswerThatIsNotHttpIsAFailedExchange() throws IOException {
        server = new AnsweringServer(false,
                request -> "HTTP/1.1 2O1 X\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.UTF_8));

        OpenLoop.Run run = run(0, 1, EVERY_20_MS, Duration.ofSeconds(5));

        assertThat(outcomes(run)).singleElement().satisfies(outcome -> {
            assertThat(outcome.status()).isZero();
            assertThat(outcome.failure()).isEqualTo("MalformedAnswer");
        });
        assertThat(server.requests).hasSize(1);
    }

    @Test
    void countsARefusedConnectionAsNoAnswer() throws IOException {
        server = new AnsweringServer(false, request -> AnsweringServer.answer(201, "Content-Length", "{}"));
        int closedPort = server.port();
        server.close();

        try (OpenLoop loop = new OpenLoop(new InetSocketAddress("127.0.0.1", closedPort), Duration.ofSeconds(5), 10)) {
            OpenLoop.Run run = loop.run(0, 2, EVERY_20_MS, requests());
            assertThat(outcomes(run)).extracting(Outcome::failure).containsOnly("ConnectException").hasSize(2);
        }
    }

    private OpenLoop.Run run(int first, int count, double intervalNanos, Duration timeout) throws IOException {
        return run(first, count, intervalNanos, timeout, 100);
    }

    private OpenLoop.Run run(int first, int count, double intervalNanos, Duration timeout, int maxInFlight)
            throws IOException {
        try (OpenLoop loop = new OpenLoop(new InetSocketAddress("127.0.0.1", server.port()), timeout, maxInFlight)) {
            return loop.run(first, count, intervalNanos, requests());
        }
    }

    private OpenLoop.Requests requests() {
        KeepAliveHttp http = new KeepAliveHttp("127.0.0.1", 1, Duration.ofSeconds(1));
        Function<Integer, byte[]> made = index -> http.request("/x", Map.of("Idempotency-Key", "k-" + index),
                "第" + index + "件");
        return new OpenLoop.Requests() {
            @Override
            public byte[] request(int index) {
                return made.apply(index);
            }

            @Override
            public Outcome answered(int index, KeepAliveHttp.Answer answer, long latencyMicros, long answeredAt) {
                return new Outcome(index, answer.status(), latencyMicros, answeredAt, null, 0, false, null);
            }
        };
    }

    private static List<Outcome> outcomes(OpenLoop.Run run) {
        return run.result().outcomes().stream().sorted(Comparator.comparingInt(Outcome::index)).toList();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
