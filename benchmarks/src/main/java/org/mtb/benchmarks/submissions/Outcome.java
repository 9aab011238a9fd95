package org.mtb.benchmarks.submissions;

import org.jspecify.annotations.Nullable;

/**
 * The answer to one {@code POST /api/v1/applications}.
 *
 * @param status             the HTTP status, or 0 when there was no answer (refused, cut off, timed out)
 * @param latencyMicros      from sending the request to the whole answer
 * @param answeredAtMillis   this JVM's clock when the answer was in
 * @param applicationNumber  the acceptance number of a 201
 * @param acceptedAtMillis   the application's {@code submittedAt}, intake's moment of acceptance, of a 201
 * @param replayed           a 201 that repeats an earlier acceptance of the same idempotency key
 * @param failure            what went wrong without an answer, e.g. {@code ConnectException}
 */
record Outcome(int index, int status, long latencyMicros, long answeredAtMillis, @Nullable String applicationNumber,
        long acceptedAtMillis, boolean replayed, @Nullable String failure) {

    static Outcome noAnswer(int index, long latencyMicros, Exception e) {
        return new Outcome(index, 0, latencyMicros, System.currentTimeMillis(), null, 0, false,
                e.getClass().getSimpleName());
    }

    boolean accepted() {
        return status == 201 && applicationNumber != null;
    }

    /** Worth sending again with the same key: no answer, or a server error that a restart may cure. */
    boolean retryable() {
        return status == 0 || status >= 500;
    }

    /** {@code HTTP 503} or {@code no answer (ConnectException)}: how errors are counted. */
    String errorKind() {
        return status == 0 ? "no answer (" + failure + ")" : "HTTP " + status;
    }
}
