package org.mtb.support.mongo;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Writes the requests of concurrent callers together: a caller who finds no write under way writes its request and
 * every one queued meanwhile in one go; callers who come while it writes queue, and the first of them writes the next
 * group once the current one is done. So a lone caller waits for its own command only, and a hundred callers at once
 * cost a few commands instead of a hundred.
 *
 * @param <R> what a caller asks to write
 */
public final class GroupCommit<R> {

    /** Writes a group; answers each request's failure, null where it was written, in the group's order. */
    public interface GroupWriter<R> extends Function<List<R>, List<@Nullable RuntimeException>> {
    }

    private static final Object WRITTEN = new Object();
    private static final Object YOUR_TURN = new Object();

    private final GroupWriter<R> writer;
    private final ReentrantLock lock = new ReentrantLock();
    private List<Waiting<R>> queued = new ArrayList<>();
    private boolean writing;

    public GroupCommit(GroupWriter<R> writer) {
        this.writer = writer;
    }

    /** Writes {@code request}, perhaps with others; returns once it is written, or throws why it was not. */
    public void write(R request) {
        Waiting<R> me = new Waiting<>(request, new CompletableFuture<>());
        boolean lead;
        lock.lock();
        try {
            queued.add(me);
            lead = !writing;
            writing = true;
        } finally {
            lock.unlock();
        }
        if (!lead) {
            Object outcome;
            try {
                outcome = me.outcome().join();
            } catch (CompletionException failed) {
                throw failed.getCause() instanceof RuntimeException cause ? cause : failed;
            }
            if (outcome == WRITTEN) {
                return;
            }
        }
        writeQueued(me);
    }

    /** Writes every queued request, ours among them, then hands the next group to the first caller queued since. */
    private void writeQueued(Waiting<R> me) {
        List<Waiting<R>> group;
        lock.lock();
        try {
            group = queued;
            queued = new ArrayList<>();
        } finally {
            lock.unlock();
        }
        @Nullable RuntimeException mine = null;
        try {
            List<@Nullable RuntimeException> failures;
            try {
                failures = writer.apply(group.stream().map(Waiting::request).toList());
            } catch (RuntimeException all) {
                failures = new ArrayList<>();
                for (int i = 0; i < group.size(); i++) {
                    failures.add(all);
                }
            }
            for (int i = 0; i < group.size(); i++) {
                Waiting<R> waiting = group.get(i);
                RuntimeException failure = failures.get(i);
                if (waiting == me) {
                    mine = failure;
                } else if (failure == null) {
                    waiting.outcome().complete(WRITTEN);
                } else {
                    waiting.outcome().completeExceptionally(failure);
                }
            }
        } finally {
            // Nobody of the group waits for ever, whatever the writer threw or answered. Only a write that broke off
            // leaves anyone unanswered, and only then is an exception made (it was made for every caller of every
            // group, about 150 a second in intake under load, each filling in a virtual thread's stack).
            group.stream().filter(waiting -> waiting != me && !waiting.outcome().isDone())
                    .forEach(waiting -> waiting.outcome().completeExceptionally(
                            new IllegalStateException("The group's write did not finish")));
            lock.lock();
            try {
                if (queued.isEmpty()) {
                    writing = false;
                } else {
                    queued.getFirst().outcome().complete(YOUR_TURN);
                }
            } finally {
                lock.unlock();
            }
        }
        if (mine != null) {
            throw mine;
        }
    }

    private record Waiting<R>(R request, CompletableFuture<Object> outcome) {
    }
}
