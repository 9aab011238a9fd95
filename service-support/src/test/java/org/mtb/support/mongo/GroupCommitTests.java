package org.mtb.support.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class GroupCommitTests {

    @Test
    void writesEveryRequestOnceAndConcurrentOnesTogether() throws Exception {
        List<List<Integer>> groups = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger writing = new AtomicInteger();
        AtomicInteger overlapping = new AtomicInteger();
        GroupCommit<Integer> commit = new GroupCommit<>(group -> {
            if (writing.incrementAndGet() > 1) {
                overlapping.incrementAndGet();
            }
            sleep(2);
            groups.add(group);
            writing.decrementAndGet();
            return Collections.nCopies(group.size(), null);
        });
        int callers = 200;
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                int request = i;
                calls.add(threads.submit(() -> {
                    start.await();
                    commit.write(request);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> call : calls) {
                call.get();
            }
        }
        List<Integer> written = groups.stream().flatMap(List::stream).sorted().toList();
        assertThat(written).hasSize(callers).doesNotHaveDuplicates();
        assertThat(groups.size()).as("groups for %d concurrent callers", callers).isLessThan(callers / 4);
        assertThat(overlapping).as("writes under way at once").hasValue(0);
    }

    @Test
    void tellsEachCallerItsOwnFailureAndGoesOnWithTheNextGroup() throws Exception {
        Map<String, String> outcomes = outcomesOfTheGroupAfterAFirst(group -> {
            List<@Nullable RuntimeException> failures = new ArrayList<>();
            group.forEach(request -> failures.add(request.startsWith("bad") ? new IllegalArgumentException(request)
                    : null));
            return failures;
        }, List.of("good-1", "bad-1", "good-2", "bad-2"));

        assertThat(outcomes).containsOnly(Map.entry("good-1", "written"),
                Map.entry("bad-1", "IllegalArgumentException: bad-1"), Map.entry("good-2", "written"),
                Map.entry("bad-2", "IllegalArgumentException: bad-2"));
    }

    @Test
    void aWriterThatThrowsFailsItsWholeGroupAndTheNextWriteStillGoes() {
        AtomicInteger calls = new AtomicInteger();
        GroupCommit<String> commit = new GroupCommit<>(group -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("MongoDB is down");
            }
            return Collections.nCopies(group.size(), null);
        });

        assertThatThrownBy(() -> commit.write("one")).isInstanceOf(IllegalStateException.class)
                .hasMessage("MongoDB is down");
        commit.write("two");
        assertThat(calls).hasValue(2);
    }

    @Test
    void aWriterThatAnswersTooFewOutcomesLeavesNobodyWaiting() throws Exception {
        Map<String, String> outcomes = outcomesOfTheGroupAfterAFirst(group -> Collections.singletonList(null),
                List.of("a", "b", "c"));

        // The group (a, b, c) is written by the first of them to queue, whose writer answers one outcome for three:
        // that caller sees the writer's fault, the two others are told the write broke off.
        assertThat(outcomes.values()).filteredOn(o -> o.startsWith("IllegalStateException: The group's write did not"))
                .hasSize(2);
        assertThat(outcomes.values()).filteredOn(o -> o.startsWith("IndexOutOfBoundsException")).hasSize(1);
    }

    /**
     * Holds the write of a first caller until {@code requests} have queued behind it, so that they form the next
     * group, which {@code writer} writes; answers each request's outcome: "written", or its failure's class and
     * message.
     */
    private static Map<String, String> outcomesOfTheGroupAfterAFirst(GroupCommit.GroupWriter<String> writer,
            List<String> requests) throws Exception {
        CountDownLatch firstWriting = new CountDownLatch(1);
        CountDownLatch othersQueued = new CountDownLatch(1);
        GroupCommit<String> commit = new GroupCommit<>(group -> {
            if (group.contains("first")) {
                firstWriting.countDown();
                await(othersQueued);
                return Collections.nCopies(group.size(), null);
            }
            return writer.apply(group);
        });
        Map<String, String> outcomes = new ConcurrentHashMap<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<?> first = threads.submit(() -> commit.write("first"));
            firstWriting.await();
            List<Future<?>> queued = new ArrayList<>();
            for (String request : requests) {
                queued.add(threads.submit(() -> {
                    try {
                        commit.write(request);
                        outcomes.put(request, "written");
                    } catch (RuntimeException failed) {
                        outcomes.put(request, failed.getClass().getSimpleName() + ": " + failed.getMessage());
                    }
                }));
            }
            Thread.sleep(100);
            othersQueued.countDown();
            first.get();
            for (Future<?> call : queued) {
                call.get(5, TimeUnit.SECONDS);
            }
        }
        return outcomes;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
