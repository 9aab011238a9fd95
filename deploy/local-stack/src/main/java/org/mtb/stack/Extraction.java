package org.mtb.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A Boot jar extracted into its folder ({@code java -Djarmode=tools -jar ... extract}): the jar of its own classes and
 * {@code lib/}. When the folder already holds every library of the new extraction, byte for byte, only the project's
 * own code is replaced (and a library no longer used removed), and the class archive beside them is kept for the
 * class-path check of {@link ExtractedJars}; otherwise the folder, archive and all, is replaced whole. The bytes are
 * compared because the JVM checks an archive's jars by size and time only, and Boot gives every extracted file the
 * time of its entry: a library rebuilt at the same size under the same name (a snapshot) could pass that check with
 * other classes.
 */
final class Extraction {

    /** How long {@code -Djarmode=tools extract} may take before it is stopped and the part runs from its jar. */
    private static final Duration EXTRACTION_TIME = Duration.ofSeconds(120);
    /**
     * The extracting JVM's options. It runs for about a second, side by side with the others and with MongoDB's and
     * Kafka's start, on the first start after a jar's content changed: at C1 only and with the serial collector it
     * took 1.2-1.3 s of CPU for intake's jar instead of 2.1-2.3 s with the JDK's defaults (C2, G1), and no longer.
     */
    static final List<String> EXTRACTION_JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
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
            extract(bootJar, fresh, dir);
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

    /** Extracts into {@code destination}, logging beside {@code dir}, the folder it is for. */
    private static void extract(Path bootJar, Path destination, Path dir) {
        Path log = dir.resolveSibling(dir.getFileName() + ".extract.log");
        List<String> command = new ArrayList<>();
        command.add(JavaCommand.javaExecutable());
        command.addAll(EXTRACTION_JVM_OPTIONS);
        command.addAll(List.of("-Djarmode=tools", "-jar", bootJar.toString(), "extract", "--destination",
                destination.toString()));
        int exit;
        try {
            exit = ManagedProcess.start(dir.getFileName() + " extraction", command, Map.of(), log)
                    .await(EXTRACTION_TIME);
        } catch (StackException | UncheckedIOException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        if (exit != 0 || !Files.isRegularFile(destination.resolve(bootJar.getFileName()))) {
            throw new IllegalStateException("the extraction failed (exit " + exit + ", see " + log + ")");
        }
    }
}
