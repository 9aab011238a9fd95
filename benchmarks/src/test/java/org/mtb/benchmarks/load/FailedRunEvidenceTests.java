package org.mtb.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtb.stack.LocalStack;
import org.mtb.stack.StackSettings;

class FailedRunEvidenceTests {

    @TempDir
    Path data;

    @Test
    void dumpsTheThreadsOfARunningJvm() throws Exception {
        Path dump = data.resolve("threads.txt");

        String answer = FailedRunEvidence.threadDump(ProcessHandle.current().pid(), dump);

        assertThat(answer).isEqualTo("its threads are in " + dump);
        assertThat(Files.readString(dump)).contains("\"" + Thread.currentThread().getName() + "\"");
    }

    @Test
    void saysWhyThereIsNoDumpOfAProcessThatIsGone() {
        Process gone = startAndEnd();

        assertThat(FailedRunEvidence.threadDump(gone.pid(), data.resolve("threads.txt")))
                .startsWith("no thread dump: jcmd exited with");
    }

    @Test
    void saysWhereTheLogsAreGivesTheEndOfTheLogOfAPartThatStoppedPassesOverPartsNeverStartedAndDumpsTheLoad() throws Exception {
        StackSettings settings = StackSettings.defaults(data).withDataDir(data);
        Path intakeLog = settings.logFile("intake-service");
        Files.createDirectories(intakeLog.getParent());
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            lines.add("line " + i);
        }
        lines.add("Terminating due to java.lang.OutOfMemoryError: Java heap space");
        Files.write(intakeLog, lines);
        List<String> reported = new ArrayList<>();

        FailedRunEvidence.keep(new LocalStack(settings), reported::add);

        assertThat(reported).hasSize(3);
        assertThat(reported.getFirst())
                .isEqualTo("the logs are in " + settings.logsDir() + " (the next run deletes them)");
        assertThat(reported.get(1))
                .startsWith("intake-service was not running; the end of its log:")
                .contains("line 12").doesNotContain("line 11\n")
                .endsWith("Terminating due to java.lang.OutOfMemoryError: Java heap space");
        Path loadDump = settings.logsDir().resolve("benchmark-threads.txt");
        assertThat(reported.getLast()).isEqualTo("the load's own JVM (pid " + ProcessHandle.current().pid()
                + "): its threads are in " + loadDump);
        assertThat(Files.readString(loadDump)).contains("\"" + Thread.currentThread().getName() + "\"");
    }

    private static Process startAndEnd() {
        try {
            Process process = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(), "-version")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            process.waitFor();
            return process;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
