package org.mtb.benchmarks.submissions;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a phase's answers say about its rate and its slow ones. */
class LoadResultTests {

    /** 19:41:07 UTC on 2026-12-03, in milliseconds. */
    private static final long SECOND_0 = 1_796_326_867_000L;

    @Test
    void slowAnswersAreCountedByTheSecondTheyWereSentInTheBusiestFirst() {
        LoadResult result = new LoadResult();
        for (int i = 0; i < 96; i++) {
            result.add(accepted(i, 20, SECOND_0 + 2_000 + i));
        }
        // Sent at 19:41:07.900 and answered 250 ms later, in the next second: counted where it was sent.
        result.add(accepted(96, 250, SECOND_0 + 1_150));
        result.add(accepted(97, 150, SECOND_0 + 3_500));
        result.add(accepted(98, 140, SECOND_0 + 3_600));
        result.add(accepted(99, 101, SECOND_0 + 9_200));
        result.add(new Outcome(100, 503, 900_000, SECOND_0 + 4_000, null, 0, false, null));

        assertThat(result.slowAnswers(100)).matches("4 over 100 ms \\(4\\.0 %\\), sent in 3 different seconds; "
                + "most in 19:41:10 \\(2\\), 19:41:07 \\(1\\), 19:41:16 \\(1\\)");
    }

    @Test
    void anAnswerAtTheLimitIsNotSlow() {
        LoadResult result = new LoadResult();
        result.add(accepted(0, 100, SECOND_0));

        assertThat(result.slowAnswers(100)).isEqualTo("none over 100 ms");
    }

    /**
     * 600/s offered for 30 s from index 1,000, everything accepted, each answer 130 ms after its sending: by the
     * schedule every window holds its 6,000, however late in the window or after it the answers came.
     */
    @Test
    void aStackThatAcceptsEverythingOfferedShowsTheOfferedRateInEveryWindowOfTheSchedule() {
        LoadResult result = new LoadResult();
        long start = System.currentTimeMillis();
        for (int i = 0; i < 18_000; i++) {
            result.add(accepted(1_000 + i, 130, start + i * 1000L / 600 + 130));
        }

        assertThat(result.lowestScheduledRate(1_000, 600, Duration.ofSeconds(30), Duration.ofSeconds(10)))
                .isEqualTo(600.0);
    }

    @Test
    void refusalsAndLateAnswersCountInTheWindowTheyWereOfferedIn() {
        LoadResult result = new LoadResult();
        long start = System.currentTimeMillis();
        for (int i = 0; i < 300; i++) {
            // 10/s for 30 s: the second window's first five refused, its last one answered 4 s late.
            int status = i >= 100 && i < 105 ? 503 : 201;
            long answeredAt = start + i * 100L + (i == 199 ? 4_000 : 20);
            result.add(status == 201 ? accepted(i, 20, answeredAt)
                    : new Outcome(i, 503, 20_000, answeredAt, null, 0, false, null));
        }

        assertThat(result.lowestScheduledRate(0, 10, Duration.ofSeconds(30), Duration.ofSeconds(10)))
                .isEqualTo(9.5);
    }

    @Test
    void everyAnswerIsWrittenInTheOrderSentWithItsStatus(@TempDir Path dir) throws Exception {
        LoadResult result = new LoadResult();
        // Answered in the order 1, 0, 2: sent at .100 (250 ms), .050 (20 ms) and .200 (no answer after 1.5 s).
        result.add(accepted(1, 250, SECOND_0 + 350));
        result.add(accepted(0, 20, SECOND_0 + 70));
        result.add(new Outcome(2, 0, 1_500_000, SECOND_0 + 1_700, null, 0, false, "SocketTimeoutException"));

        Path file = dir.resolve("answers/latency.csv");
        result.writeAnswers(file);

        assertThat(Files.readAllLines(file)).containsExactly("sent_at_ms,latency_us,status,index",
                (SECOND_0 + 50) + ",20000,201,0", (SECOND_0 + 100) + ",250000,201,1", (SECOND_0 + 200) + ",1500000,0,2");
    }

    private static Outcome accepted(int index, long latencyMillis, long answeredAtMillis) {
        return new Outcome(index, 201, latencyMillis * 1000, answeredAtMillis, "620900-20261203-" + index,
                answeredAtMillis - 5, false, null);
    }
}
