package org.mtb.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A Boot jar extracted into its folder, laid out as {@code java -Djarmode=tools -jar ... extract} lays it out, by this
 * JVM: the jar of its own classes (Boot's {@code BOOT-INF/classes/} at its root, its {@code META-INF/}, a manifest
 * naming the main class and the libraries in the order of Boot's class path index) and {@code lib/}, each library a
 * copy of its entry with the entry's time. When the folder already holds every library of the new extraction, byte for
 * byte, only the project's own code is replaced (and a library no longer used removed), and the class archive beside
 * them is kept for the class-path check of {@link ExtractedJars}; otherwise the folder, archive and all, is replaced
 * whole. The bytes are compared because the JVM checks an archive's jars by size and time only, and every extracted
 * library has the time of its entry: a library rebuilt at the same size under the same name (a snapshot) could pass
 * that check with other classes.
 *
 * <p>Until December 2026 a JVM of Boot's tools mode extracted each jar: five of them side by side on a first start,
 * 1.0-1.3 s of CPU each, while MongoDB and Kafka started, and the services launched 7.4-8.1 s after the command instead
 * of 2.7-3.4 s (benchmarks/README.md). The libraries are stored entries: here the extraction is a copy.
 */
final class Extraction {

    private static final String LIB = "lib";

    private Extraction() {
    }

    /**
     * Extracts {@code bootJar} into {@code dir}.
     *
     * @param ownLibraries the file names of the libraries that are the project's own code ({@link OwnCodeApart})
     * @return whether the libraries in {@code dir} were kept, and any archive beside them for its stamp to judge
     */
    static boolean into(Path bootJar, Path dir, Set<String> ownLibraries) throws IOException {
        Path fresh = dir.resolveSibling(dir.getFileName() + ".extracting");
        deleteRecursively(fresh);
        try {
            BootJarLayout.extract(bootJar, fresh);
            if (Files.isDirectory(dir) && holdsTheLibrariesOf(fresh, dir, ownLibraries)) {
                replaceOwnCode(fresh, dir, bootJar.getFileName().toString(), ownLibraries);
                return true;
            }
            deleteRecursively(dir);
            Files.move(fresh, dir);
            return false;
        } finally {
            deleteRecursively(fresh);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** Whether {@code dir} holds every library of {@code fresh}, byte for byte (it may hold more, to be removed). */
    private static boolean holdsTheLibrariesOf(Path fresh, Path dir, Set<String> ownLibraries) throws IOException {
        for (String library : libraries(fresh, ownLibraries)) {
            Path held = dir.resolve(LIB).resolve(library);
            if (!Files.isRegularFile(held) || Files.mismatch(fresh.resolve(LIB).resolve(library), held) != -1) {
                return false;
            }
        }
        return true;
    }

    private static List<String> libraries(Path extraction, Set<String> ownLibraries) throws IOException {
        return names(extraction.resolve(LIB)).stream().filter(name -> !ownLibraries.contains(name)).toList();
    }

    private static void replaceOwnCode(Path fresh, Path dir, String jar, Set<String> ownLibraries)
            throws IOException {
        for (String stale : names(dir)) {
            if (stale.endsWith(".jar") && !stale.equals(jar)) {
                Files.delete(dir.resolve(stale));
            }
        }
        Files.move(fresh.resolve(jar), dir.resolve(jar), StandardCopyOption.REPLACE_EXISTING);
        Files.createDirectories(dir.resolve(LIB));
        for (String library : names(dir.resolve(LIB))) {
            if (ownLibraries.contains(library) || !Files.exists(fresh.resolve(LIB).resolve(library))) {
                Files.delete(dir.resolve(LIB).resolve(library));
            }
        }
        for (String library : ownLibraries) {
            Path extracted = fresh.resolve(LIB).resolve(library);
            if (Files.isRegularFile(extracted)) {
                Files.move(extracted, dir.resolve(LIB).resolve(library));
            }
        }
    }

    /** The names of the files in {@code folder}, none when it is missing. */
    private static List<String> names(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).map(file -> file.getFileName().toString()).toList();
        }
    }
}
