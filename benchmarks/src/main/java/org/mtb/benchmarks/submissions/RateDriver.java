package org.mtb.benchmarks.submissions;

import java.io.IOException;
import java.time.Duration;

/**
 * An open loop: applications at a fixed rate, each sent at its moment whatever intake-service's answer times, as many
 * independent channels would send them ({@link OpenLoop}: one thread, non-blocking connections). No application is
 * sent again but on a pooled connection the server had closed; an error is counted.
 */
final class RateDriver {

    /** Beyond this many unanswered requests the sending waits, and falls behind its schedule, which is reported. */
    private static final int MAX_IN_FLIGHT = 2_000;

    private final IntakeClient client;

    RateDriver(IntakeClient client) {
        this.client = client;
    }

    /** {@code rate} applications a second for {@code duration}, from application {@code first} on. */
    OpenLoop.Run run(int first, int rate, Duration duration) throws IOException {
        return client.atRate(first, count(rate, duration), 1e9 / rate, MAX_IN_FLIGHT);
    }

    static int count(int rate, Duration duration) {
        return (int) (rate * duration.toMillis() / 1000);
    }
}
