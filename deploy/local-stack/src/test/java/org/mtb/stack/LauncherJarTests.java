package org.mtb.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The jar each part's JVM is started with: the launcher, its libraries named in its manifest, its package opened. */
class LauncherJarTests {

    @TempDir
    Path dir;

    @Test
    void itsManifestNamesTheLauncherTheOpeningAndTheLibrariesInOrderRelativeToIt() throws Exception {
        Path kafka = library("lib/kafka-clients-4.1.2.jar");
        Path spring = library("lib/spring core 7.jar");

        Path jar = LauncherJar.write(LauncherJar.of(dir, "review-service"), List.of(kafka, spring));

        try (JarFile file = new JarFile(jar.toFile())) {
            Attributes main = file.getManifest().getMainAttributes();
            assertThat(main.getValue(Attributes.Name.MAIN_CLASS)).isEqualTo("org.mtb.stack.launch.OwnCodeLauncher");
            assertThat(main.getValue("Add-Opens")).isEqualTo("java.base/jdk.internal.loader");
            assertThat(main.getValue(Attributes.Name.CLASS_PATH))
                    .isEqualTo("lib/kafka-clients-4.1.2.jar lib/spring%20core%207.jar");
            assertThat(file.getEntry("org/mtb/stack/launch/OwnCodeLauncher.class")).isNotNull();
        }
        assertThat(LauncherJar.classPathOf(jar)).containsExactly(kafka, spring);
    }

    /** The class archive checks the time of every jar on the class path: the same jar must not be written again. */
    @Test
    void itIsWrittenAgainOnlyWhenItsLibrariesOrClassesChange() throws Exception {
        Path kafka = library("lib/kafka.jar");
        Path zstd = library("lib/zstd.jar");
        Path jar = LauncherJar.write(LauncherJar.of(dir, "review-service"), List.of(kafka, zstd));
        byte[] written = Files.readAllBytes(jar);
        Files.setLastModifiedTime(jar, FileTime.fromMillis(1_000_000_000_000L));

        assertThat(LauncherJar.write(jar, List.of(kafka, zstd))).isEqualTo(jar);
        assertThat(Files.getLastModifiedTime(jar).toMillis()).as("not written again").isEqualTo(1_000_000_000_000L);

        LauncherJar.write(jar, List.of(zstd, kafka));
        assertThat(LauncherJar.classPathOf(jar)).as("another order is another class path").containsExactly(zstd, kafka);

        Files.writeString(jar, "an older launcher");
        LauncherJar.write(jar, List.of(kafka, zstd));
        assertThat(Files.readAllBytes(jar)).isEqualTo(written);
    }

    /** A library's new content voids an archive even though the launcher's jar, which names it, stays the same. */
    @Test
    void whatAnArchiveIsRecordedWithNamesTheLibrariesOfTheLaunchersJar() throws Exception {
        Path kafka = library("lib/kafka.jar");
        Path jar = LauncherJar.write(LauncherJar.of(dir, "review-service"), List.of(kafka));
        String before = OwnCodeApart.recordedWith(jar.toString(), List.of("-Xmx256m"));

        Files.setLastModifiedTime(kafka, FileTime.fromMillis(Files.getLastModifiedTime(kafka).toMillis() + 60_000));

        assertThat(before).contains("class path " + jar + " ").contains("  named " + kafka + " ");
        assertThat(OwnCodeApart.recordedWith(jar.toString(), List.of("-Xmx256m"))).isNotEqualTo(before);
    }

    @Test
    void aLibraryOutsideItsFolderIsRefused() throws Exception {
        Path elsewhere = Files.createTempFile("elsewhere", ".jar");
        try {
            assertThatThrownBy(() -> LauncherJar.write(LauncherJar.of(dir, "review-service"), List.of(elsewhere)))
                    .isInstanceOf(IOException.class).hasMessageContaining("is not in");
        } finally {
            Files.delete(elsewhere);
        }
    }

    private Path library(String name) throws IOException {
        Path jar = dir.resolve(name);
        Files.createDirectories(jar.getParent());
        return TestJars.withMainClass(jar, LauncherJarTests.class, Map.of());
    }
}
