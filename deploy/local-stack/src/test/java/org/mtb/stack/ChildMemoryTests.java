package org.mtb.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A child JVM started as the stack starts its parts gets two glibc arenas, from JDK 22 gives back freed native memory,
 * and from JDK 25 has compact object headers: read from inside the child, not from the command we meant to build.
 */
class ChildMemoryTests {

    @TempDir
    Path dir;

    @Test
    void aChildJvmHasTwoMallocArenasAndTrimsItsNativeHeap() throws Exception {
        Path log = dir.resolve("child.log");
        List<String> command = JavaCommand.mainClass(List.of(), ReportMemorySettings.class.getName(), List.of());
        int exit = ManagedProcess.start("child", command, Map.of(), log).await(Duration.ofSeconds(60));

        String seen = Files.readString(log);
        assertThat(exit).as(seen).isZero();
        assertThat(seen).contains("MALLOC_ARENA_MAX=2");
        if (Runtime.version().feature() >= 22) {
            assertThat(seen).contains("TrimNativeHeapInterval=5000");
        } else {
            assertThat(seen).contains("TrimNativeHeapInterval=0");
        }
        if (Runtime.version().feature() >= 25) {
            assertThat(seen).contains("UseCompactObjectHeaders=true");
        }
    }

    @Test
    void anArenaCountTheCallerSetWins() throws Exception {
        Path log = dir.resolve("child.log");
        List<String> command = JavaCommand.mainClass(List.of(), ReportMemorySettings.class.getName(), List.of());
        ManagedProcess.start("child", command, Map.of("MALLOC_ARENA_MAX", "4"), log).await(Duration.ofSeconds(60));

        assertThat(Files.readString(log)).contains("MALLOC_ARENA_MAX=4");
    }

    @Test
    void theOptionsFollowTheJdk() {
        assertThat(JavaCommand.memoryOptions(21)).isEmpty();
        assertThat(JavaCommand.memoryOptions(22)).containsExactly("-XX:TrimNativeHeapInterval=5000");
        assertThat(JavaCommand.memoryOptions(25))
                .containsExactly("-XX:TrimNativeHeapInterval=5000", "-XX:+UseCompactObjectHeaders");
    }

    /** The child: prints what it was given. */
    public static final class ReportMemorySettings {

        public static void main(String[] args) {
            System.out.println("MALLOC_ARENA_MAX=" + System.getenv("MALLOC_ARENA_MAX"));
            var flags = java.lang.management.ManagementFactory
                    .getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
            System.out.println("TrimNativeHeapInterval=" + flags.getVMOption("TrimNativeHeapInterval").getValue());
            if (Runtime.version().feature() >= 25) {
                System.out.println("UseCompactObjectHeaders="
                        + flags.getVMOption("UseCompactObjectHeaders").getValue());
            }
        }
    }
}
