package org.mtb.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;

/**
 * The order of a part's libraries on its JVM's class path: the jars with the most classes first, then by name.
 *
 * <p>A JVM that records its class-data archive notes for each class it loads from the class path which entry it came
 * from, comparing the class's jar with the entries in order, and each entry before its own costs two {@code stat()}
 * calls (HotSpot's {@code ClassLoader::record_result} and {@code os::same_files}). In the order of Boot's class path
 * index (the build's dependencies as declared) a class's jar came on average past half of a service's 129: millions of
 * calls in a start that records, each a trap to the host on this virtual machine. The few jars that hold most of the
 * classes (Spring, Kafka's client, Tomcat, the MongoDB driver, Jackson) now come first.
 *
 * <p>The order does not change what is loaded: the libraries hold no class twice, and the resources more than one of
 * them holds are read as lists ({@code META-INF/spring.factories}, the auto-configuration imports, service files),
 * whose consumers order what they read (checked for every service with {@code unzip -Z1}; benchmarks/README.md).
 *
 * <p>Counting reads each jar's directory (about 0.1 s of CPU for 129 jars), so the counts are kept beside the libraries
 * in {@value #COUNTS}, one line a jar with its size and time, and counted again for a jar that is not the same.
 */
final class ClassPathOrder {

    static final String COUNTS = "lib-class-counts";

    private ClassPathOrder() {
    }

    /** {@code libraries} with the most classes first; counts kept in {@code counts} (written when they changed). */
    static List<Path> mostClassesFirst(List<Path> libraries, Path counts) throws IOException {
        Map<String, String> kept = read(counts);
        Map<Path, Integer> classes = new HashMap<>();
        StringBuilder lines = new StringBuilder();
        for (Path jar : libraries) {
            String key = key(jar);
            String line = kept.get(key);
            int count = line != null ? Integer.parseInt(line) : classesIn(jar);
            classes.put(jar, count);
            lines.append(key).append(' ').append(count).append('\n');
        }
        String text = lines.toString();
        if (!Files.isRegularFile(counts) || !Files.readString(counts).equals(text)) {
            Path written = Files.writeString(counts.resolveSibling(counts.getFileName() + ".tmp"), text);
            Files.move(written, counts, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        List<Path> ordered = new ArrayList<>(libraries);
        ordered.sort(Comparator.comparing((Path jar) -> classes.get(jar)).reversed()
                .thenComparing(jar -> jar.getFileName().toString()));
        return ordered;
    }

    /** A jar as the JVM checks it: its name, size and time; a missing jar has a key of its own and no classes. */
    private static String key(Path jar) throws IOException {
        if (!Files.isRegularFile(jar)) {
            return jar.getFileName() + " missing";
        }
        return jar.getFileName() + " " + Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis();
    }

    private static int classesIn(Path jar) {
        if (!Files.isRegularFile(jar)) {
            return 0;
        }
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return (int) zip.stream().filter(entry -> entry.getName().endsWith(".class")).count();
        } catch (IOException notAJar) {
            return 0;
        }
    }

    /** Kept counts by key; none when the file is missing or was written otherwise. */
    private static Map<String, String> read(Path counts) throws IOException {
        Map<String, String> kept = new HashMap<>();
        if (!Files.isRegularFile(counts)) {
            return kept;
        }
        for (String line : Files.readAllLines(counts, StandardCharsets.UTF_8)) {
            int space = line.lastIndexOf(' ');
            if (space > 0 && line.substring(space + 1).matches("\\d{1,9}")) {
                kept.put(line.substring(0, space), line.substring(space + 1));
            }
        }
        return kept;
    }
}
