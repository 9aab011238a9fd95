package org.mtb.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parts launched under {@code SCHED_BATCH}, and that Linux runs them so. */
class CpuSchedulingTests {

    /** {@code SCHED_BATCH} in {@code sched.h}, as {@code /proc/<pid>/stat} shows a task's policy. */
    private static final int SCHED_BATCH = 3;

    @TempDir
    Path dir;

    @Test
    void everyPartButMongoIsABatchPartUnlessTheEnvironmentSaysOtherwise() {
        assertThat(CpuScheduling.batchParts(null)).containsExactlyInAnyOrder("kafka", "auth", "intake-service",
                "review-service", "notification-service", "catalog-service");
        assertThat(CpuScheduling.batchParts("  ")).isEqualTo(CpuScheduling.DEFAULT_BATCH_PARTS);
        assertThat(CpuScheduling.batchParts("None")).isEmpty();
        assertThat(CpuScheduling.batchParts("review, kafka,notification-service"))
                .containsExactlyInAnyOrder("review-service", "kafka", "notification-service");
        assertThat(CpuScheduling.batchParts("mongo")).containsExactly("mongo");
    }

    @Test
    void anUnknownPartIsRefusedNamingTheVariableAndTheParts() {
        assertThatThrownBy(() -> CpuScheduling.batchParts("review,postgres"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("MTB_BATCH_SCHEDULED names 'postgres'")
                .hasMessageContaining("intake-service").hasMessageContaining("or none");
    }

    @Test
    void onlyABatchPartIsLaunchedUnderChrtAndNothingIsWithoutIt() {
        List<String> java = List.of("java", "-jar", "review.jar");
        CpuScheduling withChrt = new CpuScheduling(Set.of("review-service"), Optional.of("/usr/bin/chrt"));

        assertThat(withChrt.command("review-service", java))
                .containsExactly("/usr/bin/chrt", "--batch", "0", "java", "-jar", "review.jar");
        assertThat(withChrt.command("intake-service", java)).isEqualTo(java);
        assertThat(new CpuScheduling(Set.of("review-service"), Optional.empty()).command("review-service", java))
                .isEqualTo(java);
    }

    @Test
    void linuxRunsABatchPartUnderSchedBatchAndTheOthersAsItStartsThem() throws Exception {
        Optional<String> chrt = CpuScheduling.ChrtProbe.usable();
        assumeTrue(chrt.isPresent(), "no chrt that can set SCHED_BATCH here (not Linux?)");
        assumeTrue(System.getenv(CpuScheduling.VARIABLE) == null, "the batch parts are set by the environment");

        ManagedProcess batch = ManagedProcess.start("kafka", List.of("sleep", "30"), Map.of(), dir.resolve("k.log"));
        ManagedProcess other = ManagedProcess.start("mongo", List.of("sleep", "30"), Map.of(), dir.resolve("m.log"));
        try {
            assertThat(policy(batch.pid())).as("kafka's policy").isEqualTo(SCHED_BATCH);
            assertThat(policy(other.pid())).as("mongo's policy").isZero();
            assertThat(Files.readString(dir.resolve("k.log"))).contains(chrt.get() + " --batch 0 sleep 30");
        } finally {
            batch.stop();
            other.stop();
        }
    }

    /**
     * Field 41 of {@code /proc/<pid>/stat}, counted after the command's name in parentheses, once the process runs
     * {@code sleep} (before, it may still be {@code chrt} setting the policy).
     */
    private static int policy(long pid) throws Exception {
        Path file = Path.of("/proc", Long.toString(pid), "stat");
        String stat = Files.readString(file);
        for (int i = 0; i < 100 && !stat.contains("(sleep)"); i++) {
            Thread.sleep(50);
            stat = Files.readString(file);
        }
        assertThat(stat).contains("(sleep)");
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(fields[41 - 3]);
    }
}
