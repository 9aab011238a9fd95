package org.mtb.benchmarks.submissions;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.stream.IntStream;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * Submits applications to intake-service over HTTP/1.1 with keep-alive connections, as a channel's backend would
 * (its token, its signature),
 * through a client light enough not to take the CPU the stack it measures needs ({@link KeepAliveHttp}). A phase's
 * requests are made and signed before it starts ({@link #prepare}), as a channel's platform on a machine of its own
 * would have them ready: during the phase the load's JVM only sends them and reads the answers.
 */
final class IntakeClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String APPLICATIONS = "/api/v1/applications";

    private final int port;
    private final KeepAliveHttp http;
    private final JsonMapper json;
    private final ApplicationBodies bodies;
    private final String keyPrefix;
    private final ChannelCredentials channels;
    private volatile Prepared prepared = new Prepared(0, new AtomicReferenceArray<>(0));

    /**
     * {@code keyPrefix} makes the idempotency keys of this run its own; each application goes through its region's
     * channel ({@link ChannelCredentials}) and names the materials that channel uploaded before ({@link
     * BenchmarkMaterials}).
     */
    IntakeClient(int port, JsonMapper json, String keyPrefix, ChannelCredentials channels,
            PreparedMaterials materials) {
        this.port = port;
        this.http = new KeepAliveHttp("127.0.0.1", port, TIMEOUT);
        this.json = json;
        this.bodies = new ApplicationBodies(json, materials);
        this.keyPrefix = keyPrefix;
        this.channels = channels;
    }

    /** Fresh tokens, so that one phase never outlives its tokens (15 minutes). */
    void renewToken() {
        channels.renew();
    }

    /**
     * Makes and signs the requests of applications {@code first} to {@code first + count - 1} now, on every core, so
     * that {@link #submit} sends them as they are; it replaces those of an earlier phase. Their timestamps then lie
     * before their sending by the time the phase takes, well within intake's window of 5 minutes (docs/security.md).
     */
    void prepare(int first, int count) {
        byte[][] requests = new byte[count][];
        IntStream.range(0, count).parallel().forEach(i -> requests[i] = request(first + i));
        prepared = new Prepared(first, new AtomicReferenceArray<>(requests));
    }

    /**
     * Application {@code index}, always with the same idempotency key, so a retry cannot apply twice: the first time
     * as {@link #prepare} made it, if it did, and after that signed anew (a nonce is taken once).
     */
    Outcome submit(int index) throws InterruptedException {
        byte[] request = prepared.take(index);
        if (request == null) {
            request = request(index);
        }
        long start = System.nanoTime();
        try {
            KeepAliveHttp.Answer response = http.send(request);
            return outcome(index, response, (System.nanoTime() - start) / 1000, System.currentTimeMillis());
        } catch (IOException e) {
            return Outcome.noAnswer(index, (System.nanoTime() - start) / 1000, e);
        }
    }

    /**
     * Applications {@code first} to {@code first + count - 1}, one every {@code intervalNanos} whatever the answers
     * take ({@link OpenLoop}), on connections of their own; each application as {@link #submit} sends it.
     */
    OpenLoop.Run atRate(int first, int count, double intervalNanos, int maxInFlight) throws IOException {
        try (OpenLoop loop = new OpenLoop(new InetSocketAddress("127.0.0.1", port), TIMEOUT, maxInFlight)) {
            return loop.run(first, count, intervalNanos, new OpenLoop.Requests() {
                @Override
                public byte[] request(int index) {
                    byte[] made = prepared.take(index);
                    return made != null ? made : IntakeClient.this.request(index);
                }

                @Override
                public Outcome answered(int index, KeepAliveHttp.Answer answer, long latencyMicros,
                        long answeredAtMillis) {
                    return outcome(index, answer, latencyMicros, answeredAtMillis);
                }
            });
        }
    }

    private Outcome outcome(int index, KeepAliveHttp.Answer response, long latencyMicros, long answeredAt) {
        if (response.status() != 201) {
            return new Outcome(index, response.status(), latencyMicros, answeredAt, null, 0, false, null);
        }
        return accepted(index, response, latencyMicros, answeredAt);
    }

    /**
     * A 201 as read from its body; one without a readable number and moment counts as a malformed answer. The body
     * (the whole application as intake answers it, about 2 KB) is read only as far as its number and moment: a tree
     * of all of it took a quarter of this JVM's CPU in phase (b) (JFR), on the cores the stack it measures needs.
     */
    private Outcome accepted(int index, KeepAliveHttp.Answer response, long latencyMicros, long answeredAt) {
        try (JsonParser body = json.createParser(response.body())) {
            if (body.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalStateException("not a JSON object");
            }
            String number = null;
            long submittedAt = Long.MIN_VALUE;
            for (String name = body.nextName(); name != null && (number == null || submittedAt == Long.MIN_VALUE);
                    name = body.nextName()) {
                JsonToken value = body.nextToken();
                switch (name) {
                    case "applicationNumber" -> number = body.getString();
                    case "submittedAt" -> submittedAt = epochMillis(value, body);
                    default -> body.skipChildren();
                }
            }
            if (number == null || submittedAt == Long.MIN_VALUE) {
                throw new IllegalStateException("no applicationNumber or submittedAt");
            }
            boolean replayed = Boolean.parseBoolean(response.headers().get("idempotent-replayed"));
            return new Outcome(index, 201, latencyMicros, answeredAt, number, submittedAt, replayed, null);
        } catch (RuntimeException unreadable) {
            return Outcome.noAnswer(index, latencyMicros, new KeepAliveHttp.MalformedAnswer(unreadable));
        }
    }

    /**
     * A request intake must refuse, as a platform's channels send some every day: {@code index} even, application
     * {@code index} with a token intake cannot read (401, its body left unread); odd, a signed body that is not JSON
     * (400). The status, or 0 without an answer. Before the phases, these bring intake's answers other than 201 (an
     * error status, a connection closed after it, a body not read) into the code its compilers have profiled.
     */
    int sendRefused(int index) throws InterruptedException {
        boolean unreadableToken = index % 2 == 0;
        String body = unreadableToken ? bodies.json(index)
                : "{\"regionCode\": \"" + ApplicationBodies.regionCode(index) + "\", ";
        Map<String, String> headers = signedHeaders(index, body, keyPrefix + "-refused-" + index);
        if (unreadableToken) {
            headers.put("Authorization", "Bearer not-a-token");
        }
        try {
            return http.send(http.request(APPLICATIONS, headers, body)).status();
        } catch (IOException e) {
            return 0;
        }
    }

    /** The bytes of application {@code index}'s request, signed now. */
    private byte[] request(int index) {
        String body = bodies.json(index);
        return http.request(APPLICATIONS, signedHeaders(index, body, keyPrefix + "-" + index), body);
    }

    /** The headers of a JSON {@code body} sent for application {@code index}: its channel's token and signature. */
    private Map<String, String> signedHeaders(int index, String body, String idempotencyKey) {
        Map<String, String> headers = new LinkedHashMap<>(channels.headers(ApplicationBodies.regionCode(index), body));
        headers.put("Content-Type", "application/json");
        headers.put("Idempotency-Key", idempotencyKey);
        return headers;
    }

    /** An ISO-8601 instant, or epoch seconds with a fraction where a mapper writes dates as numbers. */
    private static long epochMillis(JsonToken instant, JsonParser body) {
        return instant.isNumeric() ? Math.round(body.getDoubleValue() * 1000)
                : Instant.parse(body.getString()).toEpochMilli();
    }

    /** Requests made before a phase, from application {@code first} on; each is taken once. */
    private record Prepared(int first, AtomicReferenceArray<byte[]> requests) {

        byte[] take(int index) {
            int at = index - first;
            return at >= 0 && at < requests.length() ? requests.getAndSet(at, null) : null;
        }
    }
}
