package org.mtb.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real AOT caches of a small jar, recorded and read by the JDK that runs the tests (25 or later; skipped on older
 * ones, where the stack keeps its class-data archives).
 */
class AotCacheTests {

    private static final List<String> OPTIONS = List.of("-Xmx64m", "-XX:+UseSerialGC");

    @TempDir
    Path dir;

    private Path jar;

    @BeforeEach
    void aSmallJar() throws IOException {
        assumeTrue(Runtime.version().feature() >= AotCache.FIRST_JDK, "AOT caches need JDK 25");
        jar = TestJars.withMainClass(dir.resolve("small.jar"), SmallApp.class, Map.of());
    }

    @Test
    void aPartRecordsItsCacheOnceAndReadsItFromItsNextStartOn() throws Exception {
        AotCache.Plan first = AotCache.plan(dir, "small", jar.toString(), OPTIONS);
        assertThat(first.jvmOptions()).containsExactly("-XX:AOTCacheOutput=" + dir.resolve("small.aot"),
                "-Xlog:cds=error");
        assertThat(first.writesCacheAtExit()).isTrue();

        assertThat(run(first, OPTIONS)).isZero();
        assertThat(dir.resolve("small.aot")).isNotEmptyFile();

        AotCache.Plan second = AotCache.plan(dir, "small", jar.toString(), OPTIONS);
        assertThat(second.jvmOptions()).containsExactly("-XX:AOTCache=" + dir.resolve("small.aot"));
        assertThat(second.writesCacheAtExit()).isFalse();
        assertThat(Files.readString(dir.resolve("small.aot.stamp"))).endsWith("tried: the cache loads\n");
        assertThat(AotCache.plan(dir, "small", jar.toString(), OPTIONS)).isEqualTo(second);
        assertThat(run(second, OPTIONS)).isZero();
    }

    @Test
    void aCacheWrittenHalfIsRecordedAnewRatherThanReadWithoutEffect() throws Exception {
        assertThat(run(AotCache.plan(dir, "small", jar.toString(), OPTIONS), OPTIONS)).isZero();
        try (FileChannel cache = FileChannel.open(dir.resolve("small.aot"), StandardOpenOption.WRITE)) {
            cache.truncate(cache.size() / 2);
        }

        AotCache.Plan again = AotCache.plan(dir, "small", jar.toString(), OPTIONS);

        assertThat(again.jvmOptions()).first().isEqualTo("-XX:AOTCacheOutput=" + dir.resolve("small.aot"));
        assertThat(dir.resolve("small.aot")).doesNotExist();
    }

    @Test
    void otherOptionsRecordAnew() throws Exception {
        assertThat(run(AotCache.plan(dir, "small", jar.toString(), OPTIONS), OPTIONS)).isZero();
        assertThat(AotCache.plan(dir, "small", jar.toString(), OPTIONS).writesCacheAtExit()).isFalse();

        List<String> other = List.of("-Xmx64m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
        AotCache.Plan plan = AotCache.plan(dir, "small", jar.toString(), other);

        assertThat(plan.writesCacheAtExit()).isTrue();
        assertThat(dir.resolve("small.aot")).doesNotExist();
        assertThat(run(plan, other)).isZero();
        assertThat(AotCache.plan(dir, "small", jar.toString(), other).jvmOptions()).first().asString().startsWith("-XX:AOTCache=");
    }

    @Test
    void aClassPathChangedSinceRecordsAnew() throws Exception {
        assertThat(run(AotCache.plan(dir, "small", jar.toString(), OPTIONS), OPTIONS)).isZero();
        assertThat(AotCache.plan(dir, "small", jar.toString(), OPTIONS).writesCacheAtExit()).isFalse();

        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 60_000));

        assertThat(AotCache.plan(dir, "small", jar.toString(), OPTIONS).writesCacheAtExit())
                .as("the JVM would refuse the cache: a jar of its class path is not the one it was recorded with")
                .isTrue();
    }

    /** Runs the jar as the stack would, its cache's options first; returns its exit code. */
    private int run(AotCache.Plan plan, List<String> partOptions) throws Exception {
        List<String> options = new ArrayList<>(plan.jvmOptions());
        options.addAll(partOptions);
        Process process = new ProcessBuilder(JavaCommand.launch(options, List.of("-jar", jar.toString())))
                .redirectErrorStream(true).redirectOutput(dir.resolve("run.log").toFile()).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the small jar ran and wrote its cache").isTrue();
        return process.exitValue();
    }

    /** Loads a few classes of the JDK, as any part does on a smaller scale, and exits. */
    public static final class SmallApp {

        public static void main(String[] args) {
            System.out.println(java.time.LocalDate.of(2026, 12, 1).plusDays(20) + " "
                    + new java.util.concurrent.ConcurrentHashMap<String, Integer>().size());
        }
    }
}
