package org.mtb.benchmarks.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/** The data a benchmark leaves behind, removed before its next run or after it. */
public final class Directories {

    private Directories() {
    }

    /** Deletes {@code dir} and everything in it, deepest first; nothing when it does not exist. */
    public static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
