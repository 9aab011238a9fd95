package org.mtb.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The libraries on a part's class path, the jars with the most classes first, their counts kept beside them. */
class ClassPathOrderTests {

    @TempDir
    Path dir;

    @Test
    void theJarsWithTheMostClassesComeFirstThenByName() throws Exception {
        Path few = jar("a-few.jar", 2, 9);
        Path many = jar("z-many.jar", 5, 0);
        Path alsoFew = jar("b-also-few.jar", 2, 1);
        Path none = jar("c-resources-only.jar", 0, 4);

        List<Path> ordered = ClassPathOrder.mostClassesFirst(List.of(few, many, alsoFew, none), counts());

        assertThat(ordered).containsExactly(many, few, alsoFew, none);
    }

    @Test
    void theCountsAreKeptAndAJarThatChangedIsCountedAgain() throws Exception {
        Path first = jar("first.jar", 3, 0);
        Path second = jar("second.jar", 1, 0);
        ClassPathOrder.mostClassesFirst(List.of(first, second), counts());
        String kept = Files.readString(counts());
        assertThat(kept).contains("first.jar " + Files.size(first) + " ", " 3\n")
                .contains("second.jar " + Files.size(second) + " ", " 1\n");

        // A count read from the file: this one, made up, decides the order while its jar is unchanged.
        Files.writeString(counts(), kept.replace(" 1\n", " 7\n"));
        assertThat(ClassPathOrder.mostClassesFirst(List.of(first, second), counts())).containsExactly(second, first);

        jar("second.jar", 1, 3);
        assertThat(ClassPathOrder.mostClassesFirst(List.of(first, second), counts()))
                .as("a jar of another size is counted again").containsExactly(first, second);
        assertThat(Files.readString(counts())).contains(" 1\n").doesNotContain(" 7\n");
    }

    @Test
    void aMissingOrUnreadableJarComesLast() throws Exception {
        Path good = jar("good.jar", 1, 0);
        Path missing = dir.resolve("lib/gone.jar");
        Path broken = Files.writeString(dir.resolve("lib/broken.jar"), "not a zip");

        assertThat(ClassPathOrder.mostClassesFirst(List.of(missing, broken, good), counts()))
                .containsExactly(good, broken, missing);
    }

    private Path counts() {
        return dir.resolve(ClassPathOrder.COUNTS);
    }

    /** A jar of {@code classes} class files and {@code resources} other files, with a fixed time. */
    private Path jar(String name, int classes, int resources) throws IOException {
        Path jar = dir.resolve("lib").resolve(name);
        Files.createDirectories(jar.getParent());
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i < classes; i++) {
            entries.put("org/example/C" + i + ".class", new byte[] {(byte) 0xca, (byte) 0xfe});
        }
        for (int i = 0; i < resources; i++) {
            entries.put("org/example/r" + i + ".txt", new byte[] {1});
        }
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                out.putNextEntry(new JarEntry(entry.getKey()));
                out.write(entry.getValue());
            }
        }
        Files.setLastModifiedTime(jar, FileTime.fromMillis(1_700_000_000_000L));
        return jar;
    }
}
