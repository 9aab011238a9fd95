package org.mtb.support.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.UnknownProducerIdException;
import org.jspecify.annotations.Nullable;
import org.springframework.cloud.stream.provisioning.ProvisioningException;

/**
 * Sends documents' events to Kafka: every document of a round at once (the producer batches them), each document's
 * events one after the other in the order they were written, the next once the one before was acknowledged, so that
 * a key's events arrive in order; a document stops at its first failure, so none of its later events overtakes it.
 */
final class DocumentSends {

    private static final int MAX_ERROR_LENGTH = 500;

    private final OutboxPublisher publisher;
    private final Executor next;

    /** @param next where a document's next event is sent from once its previous one was acknowledged */
    DocumentSends(OutboxPublisher publisher, Executor next) {
        this.publisher = publisher;
        this.next = next;
    }

    /**
     * Sends every document's events, all documents at once, and waits for them at most {@code timeout}; answers each
     * document's outcome.
     */
    Map<Object, Outcome> send(Map<Object, List<OutboxEntry>> events, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<Object, CompletableFuture<Outcome>> sending = new LinkedHashMap<>();
        Map<Object, AtomicBoolean> givenUp = new LinkedHashMap<>();
        events.forEach((id, documentEvents) -> {
            AtomicBoolean given = new AtomicBoolean();
            givenUp.put(id, given);
            sending.put(id, sendInOrder(documentEvents, 0, new ArrayList<>(), given));
        });
        Map<Object, Outcome> outcomes = new LinkedHashMap<>();
        sending.forEach((id, send) -> outcomes.put(id, await(send, deadline, events.get(id), givenUp.get(id))));
        return outcomes;
    }

    private static Outcome await(CompletableFuture<Outcome> send, long deadline, List<OutboxEntry> events,
            AtomicBoolean givenUp) {
        try {
            return send.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException stillSending) {
            // Perhaps sent, perhaps not: left claimed until the claim lapses. No later event of the document is
            // started once this answer is given.
            givenUp.set(true);
            return Outcome.inFlight(events);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.inFlight(events);
        } catch (ExecutionException e) {
            return Outcome.failed(List.of(), events, e.getCause() == null ? e : e.getCause());
        }
    }

    /** The document's events from {@code from} on, each once the one before it was acknowledged. */
    private CompletableFuture<Outcome> sendInOrder(List<OutboxEntry> events, int from, List<OutboxEntry> sent,
            AtomicBoolean givenUp) {
        if (from == events.size() || givenUp.get()) {
            return CompletableFuture.completedFuture(new Outcome(List.copyOf(sent), List.of(), null, false, false));
        }
        CompletableFuture<Void> send;
        try {
            send = publisher.send(events.get(from));
        } catch (RuntimeException e) {
            send = CompletableFuture.failedFuture(e);
        }
        return send.handle((ok, error) -> error).thenComposeAsync(error -> {
            if (error != null) {
                return CompletableFuture.completedFuture(Outcome.failed(sent, events.subList(from, events.size()),
                        error instanceof CompletionException && error.getCause() != null ? error.getCause() : error));
            }
            sent.add(events.get(from));
            return sendInOrder(events, from + 1, sent, givenUp);
        }, next);
    }

    /**
     * What became of one document's events.
     *
     * @param sent the events Kafka acknowledged, to be removed from the document
     * @param unsent the ids of those it did not
     * @param retriable Kafka could not take them now (down, or a leader moving); otherwise it refused the first
     *        (too large, say) and would refuse it again
     * @param inFlight no answer within the round: perhaps sent, perhaps not
     */
    record Outcome(List<OutboxEntry> sent, List<String> unsent, @Nullable String error, boolean retriable,
            boolean inFlight) {

        static Outcome inFlight(List<OutboxEntry> events) {
            return new Outcome(List.of(), ids(events), null, true, true);
        }

        static Outcome failed(List<OutboxEntry> sent, List<OutboxEntry> unsent, Throwable error) {
            String text = describe(error);
            return new Outcome(List.copyOf(sent), ids(unsent), text.length() > MAX_ERROR_LENGTH
                    ? text.substring(0, MAX_ERROR_LENGTH) : text, !refusal(error), false);
        }

        boolean complete() {
            return unsent.isEmpty() && !inFlight;
        }

        private static List<String> ids(List<OutboxEntry> events) {
            return events.stream().map(OutboxEntry::eventId).toList();
        }

        /**
         * Whether this event itself was refused, so that sending it again would fail again: anything but the errors
         * of a Kafka that cannot take events now (down or slow, a leader moving, a timeout, credentials or the
         * producer's session to renew), which would hold up every event alike and must never count against one, let
         * alone park it. An event too large, for a topic that cannot exist, or whose key or topic is missing is
         * refused.
         */
        private static boolean refusal(Throwable error) {
            for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
                if (cause instanceof RetriableException || cause instanceof java.util.concurrent.TimeoutException
                        || cause instanceof InterruptException || cause instanceof AuthenticationException
                        || cause instanceof AuthorizationException || cause instanceof OutOfOrderSequenceException
                        || cause instanceof UnknownProducerIdException || cause instanceof ProducerFencedException
                        || cause instanceof InvalidProducerEpochException || cause instanceof InterruptedException
                        || cause instanceof java.util.concurrent.CancellationException
                        || cause instanceof ProvisioningException) {
                    return false;
                }
            }
            return true;
        }

        /** The innermost cause names what Kafka said; the wrappers of Spring's messaging say little. */
        private static String describe(Throwable error) {
            Throwable root = error;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            return root == error ? error.toString() : root + " (in " + error.getClass().getSimpleName() + ")";
        }
    }
}
