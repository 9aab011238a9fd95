package org.mtb.support.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** A record is held for a while, then read again by one caller while the others use the copy held. */
class HeldCopiesTests {

    private static final Duration FRESH_FOR = Duration.ofSeconds(5);

    private final AtomicLong now = new AtomicLong();
    private final Map<String, String> records = new ConcurrentHashMap<>(Map.of("659006", "v1"));
    private final AtomicInteger reads = new AtomicInteger();
    private final List<@Nullable String> handedBack = new ArrayList<>();
    private final HeldCopies<String, String> copies = new HeldCopies<>(FRESH_FOR, (key, held) -> {
        reads.incrementAndGet();
        handedBack.add(held);
        return records.get(key);
    }, now::get);

    @Test
    void aRecordIsReadOnceWhileItsCopyIsFreshAndAgainOnceItIsOld() {
        assertThat(copies.get("659006")).isEqualTo("v1");
        records.put("659006", "v2");
        now.set(FRESH_FOR.toNanos() - 1);
        assertThat(copies.get("659006")).isEqualTo("v1");
        assertThat(reads).hasValue(1);

        now.set(FRESH_FOR.toNanos());
        assertThat(copies.get("659006")).isEqualTo("v2");
        assertThat(copies.get("659006")).isEqualTo("v2");
        assertThat(reads).hasValue(2);
        assertThat(handedBack).as("the old copy is handed to the reader, to reuse").containsExactly(null, "v1");
    }

    @Test
    void whileOneCallerReadsAnOldCopyAgainTheOthersUseTheCopyHeld() throws Exception {
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch answer = new CountDownLatch(1);
        HeldCopies<String, String> slow = new HeldCopies<>(FRESH_FOR, (key, held) -> {
            if (reads.incrementAndGet() == 1) {
                return "v1";
            }
            reading.countDown();
            awaitQuietly(answer);
            return "v2";
        }, now::get);
        assertThat(slow.get("659006")).isEqualTo("v1");
        now.set(FRESH_FOR.toNanos());

        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<@Nullable String> first = callers.submit(() -> slow.get("659006"));
            assertThat(reading.await(10, TimeUnit.SECONDS)).isTrue();
            for (int i = 0; i < 20; i++) {
                assertThat(slow.get("659006")).isEqualTo("v1");
            }
            answer.countDown();
            assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("v2");
        }
        assertThat(slow.get("659006")).isEqualTo("v2");
        assertThat(reads).hasValue(2);
    }

    @Test
    void aReadThatFailsKeepsTheOldCopyAndLeavesTheNextCallerToReadAgain() {
        AtomicInteger attempt = new AtomicInteger();
        HeldCopies<String, String> failingOnce = new HeldCopies<>(FRESH_FOR, (key, held) -> {
            if (attempt.incrementAndGet() == 2) {
                throw new IllegalStateException("MongoDB is down");
            }
            return "v" + attempt.get();
        }, now::get);
        assertThat(failingOnce.get("659006")).isEqualTo("v1");
        now.set(FRESH_FOR.toNanos());

        assertThatThrownBy(() -> failingOnce.get("659006")).hasMessage("MongoDB is down");
        assertThat(failingOnce.get("659006")).isEqualTo("v3");
    }

    @Test
    void aMissingRecordIsNotHeldAndARecordThatWentMissingIsForgotten() {
        assertThat(copies.get("000000")).isNull();
        assertThat(copies.get("000000")).isNull();
        assertThat(reads).as("read each time: nothing held for a made-up key").hasValue(2);

        copies.get("659006");
        records.remove("659006");
        now.set(FRESH_FOR.toNanos());
        assertThat(copies.get("659006")).isNull();
        records.put("659006", "v3");
        assertThat(copies.get("659006")).isEqualTo("v3");
    }

    @Test
    void aCopyPutWhileARecordIsReadIsNotReplacedByWhatThatReadFound() throws Exception {
        HeldCopies<String, String> racing = readDuring(copies -> copies.put("659006", "applied"));

        assertThat(racing.get("659006")).isEqualTo("applied");
    }

    @Test
    void aCopyForgottenWhileARecordIsReadIsReadAgainByTheNextCaller() throws Exception {
        HeldCopies<String, String> racing = readDuring(copies -> copies.forget("659006"));

        assertThat(racing.get("659006")).isEqualTo("read after the change");
    }

    /** Copies whose first read answers what it found before {@code change}, made while it read. */
    private static HeldCopies<String, String> readDuring(Consumer<HeldCopies<String, String>> change)
            throws Exception {
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch answer = new CountDownLatch(1);
        AtomicInteger reads = new AtomicInteger();
        HeldCopies<String, String> racing = new HeldCopies<>(FRESH_FOR, (key, held) -> {
            if (reads.incrementAndGet() > 1) {
                return "read after the change";
            }
            reading.countDown();
            awaitQuietly(answer);
            return "read before the change";
        });
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<@Nullable String> read = callers.submit(() -> racing.get("659006"));
            assertThat(reading.await(10, TimeUnit.SECONDS)).isTrue();
            change.accept(racing);
            answer.countDown();
            assertThat(read.get(10, TimeUnit.SECONDS)).as("its caller gets what it read").isEqualTo(
                    "read before the change");
        }
        return racing;
    }

    @Test
    void aForgottenCopyIsReadAgainAtOnceAndAPutOneIsHeldAsFresh() {
        copies.get("659006");
        records.put("659006", "v2");
        copies.forget("659006");
        assertThat(copies.get("659006")).isEqualTo("v2");

        now.set(FRESH_FOR.toNanos() * 3);
        copies.put("659006", "applied");
        now.addAndGet(FRESH_FOR.toNanos() - 1);
        assertThat(copies.get("659006")).isEqualTo("applied");
        assertThat(reads).hasValue(2);
    }

    @Test
    void copiesTimedByAServicesClockTurnOldByThatClock() {
        AtomicLong millis = new AtomicLong(1_000);
        Clock clock = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Instant instant() {
                return Instant.ofEpochMilli(millis.get());
            }
        };
        HeldCopies<String, String> byClock = new HeldCopies<>(FRESH_FOR, (key, held) -> {
            reads.incrementAndGet();
            return records.get(key);
        }, clock);

        byClock.get("659006");
        millis.addAndGet(FRESH_FOR.toMillis() - 1);
        byClock.get("659006");
        assertThat(reads).hasValue(1);
        millis.addAndGet(1);
        byClock.get("659006");
        assertThat(reads).hasValue(2);
    }

    /** Waits for {@code latch} inside a reader, which may throw no checked exception. */
    private static void awaitQuietly(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
