package org.mtb.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The AOT cache of one part of the stack, on JDK 25 and later with {@code MTB_CLASS_ARCHIVES=aot}: the classes its JVM
 * loaded and linked in an earlier run, and the profiles of the methods it ran (JEPs 483, 514 and 515). The first start
 * with new libraries records ({@code -XX:AOTCacheOutput}); when that JVM stops it writes the cache, which takes it a
 * while (a child JVM assembles it), and every later start reads it ({@code -XX:AOTCache}). Beside the cache a stamp
 * says with which JDK, options and class path (each jar's size and time) it was recorded: any other records anew, since
 * the JVM refuses a cache recorded with another class path and may refuse one recorded with other options. A cache is
 * tried once, by a JVM that must use it or fail ({@code -XX:AOTMode=on -version}), before it is first used: one
 * written half (its JVM killed while writing it) or refused is recorded anew rather than passed over on every start.
 * Measured on the 2-core machine against the class-data archive ({@link ExtractedJars}): later starts all up after
 * 44-49 s instead of 50-53 s, with 86-95 s of CPU instead of 97-102 s; the first start after a build 93 s, and the
 * first stop 80 s while the five parts wrote their caches (benchmarks/README.md).
 */
final class AotCache {

    /** The first JDK that records and writes a cache in one run ({@code -XX:AOTCacheOutput}, JEP 514). */
    static final int FIRST_JDK = 25;

    private static final String TRIED = "tried: the cache loads\n";
    private static final Duration TRY_TIME = Duration.ofSeconds(60);

    /** What the part's command line gets, and the cache its JVM records and writes as it stops, if it does. */
    record Plan(List<String> jvmOptions, @Nullable Path recording) {

        boolean writesCacheAtExit() {
            return recording != null;
        }
    }

    private AotCache() {
    }

    /**
     * @param dir         the part's extracted jar's folder, where its cache and stamp live
     * @param classPath   the class path the part runs with, its libraries' ({@link OwnCodeApart#classPath})
     * @param partOptions the part's own JVM options, after those of every child ({@link JavaCommand#MEMORY_OPTIONS})
     */
    static Plan plan(Path dir, String part, String classPath, List<String> partOptions) throws IOException {
        List<String> jvmOptions = new ArrayList<>(JavaCommand.MEMORY_OPTIONS);
        jvmOptions.addAll(partOptions);
        Path cache = dir.resolve(part + ".aot");
        Path stamp = dir.resolve(part + ".aot.stamp");
        String recordedWith = OwnCodeApart.recordedWith(classPath, partOptions);
        String stamped = Files.isRegularFile(stamp) ? Files.readString(stamp) : "";
        if (Files.isRegularFile(cache)) {
            if (stamped.equals(recordedWith + TRIED)) {
                return new Plan(List.of("-XX:AOTCache=" + cache), null);
            }
            if (stamped.equals(recordedWith) && loads(cache, classPath, jvmOptions)) {
                Files.writeString(stamp, recordedWith + TRIED);
                return new Plan(List.of("-XX:AOTCache=" + cache), null);
            }
            System.err.printf("[local-stack] %s records its AOT cache anew: %s%n", part,
                    stamped.startsWith(recordedWith) ? "the JVM could not use the one written" : "other JVM options");
        }
        Files.deleteIfExists(cache);
        Files.writeString(stamp, recordedWith);
        // Recording warns of each class it cannot keep (a multi-release jar's, say): not the part's concern.
        return new Plan(List.of("-XX:AOTCacheOutput=" + cache, "-Xlog:cds=error"), cache);
    }

    /**
     * Whether a JVM with these options starts with the cache when it must ({@code -XX:AOTMode=on}); its output goes to
     * {@code <cache>.try.log}.
     */
    private static boolean loads(Path cache, String classPath, List<String> jvmOptions) {
        List<String> command = new ArrayList<>();
        command.add(JavaCommand.javaExecutable());
        command.addAll(jvmOptions);
        command.addAll(List.of("-XX:AOTCache=" + cache, "-XX:AOTMode=on", "-cp", classPath, "-version"));
        Path log = cache.resolveSibling(cache.getFileName() + ".try.log");
        try {
            return ManagedProcess.start("aot-cache-try", command, Map.of(), log).await(TRY_TIME) == 0;
        } catch (StackException | UncheckedIOException | IllegalStateException e) {
            return false;
        }
    }
}
