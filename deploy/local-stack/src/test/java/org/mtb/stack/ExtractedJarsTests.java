package org.mtb.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Boot jar is extracted once per content and then run with a class archive beside it. The jars here are laid out as
 * Boot's Maven plugin lays them out ({@link TestJars#bootJar}); whether a start extracted a jar again shows in the time
 * of its extracted jar, set to a mark before.
 */
class ExtractedJarsTests {

    private static final String START_CLASS = "org.mtb.example.ExampleServiceApplication";
    private static final FileTime MARK = FileTime.fromMillis(0);

    @TempDir
    Path dir;

    @Test
    void aJarIsExtractedOnceAndRunWithAClassArchiveBesideIt() throws Exception {
        Path jar = fakeBootJar(dir.resolve("target/intake-service.jar"), "build 1");

        ExtractedJars.Launch first = ExtractedJars.prepare(jar, "intake-service", List.of(), "", 21);
        mark("intake-service");
        ExtractedJars.Launch second = ExtractedJars.prepare(jar, "intake-service", List.of(), "", 21);

        Path extracted = dir.resolve("target/local-stack/intake-service");
        assertThat(first.jar()).isEqualTo(extracted.resolve("intake-service.jar")).isRegularFile();
        assertThat(first.jvmOptions()).containsExactly(
                "-XX:SharedArchiveFile=" + extracted.resolve("intake-service.jsa"), "-XX:+AutoCreateSharedArchive");
        assertThat(first.writesCacheAtExit()).as("given the time to write its archive as it stops").isTrue();
        assertThat(first.arguments()).as("started from the launcher's jar, which names no libraries here")
                .containsExactly("-jar", dir.resolve("target/local-stack/intake-service-launcher.jar").toString(),
                        START_CLASS, extracted.resolve("intake-service.jar").toString());
        assertThat(LauncherJar.classPathOf(dir.resolve("target/local-stack/intake-service-launcher.jar"))).isEmpty();
        assertThat(second).isEqualTo(first);
        assertThat(extractedAgain("intake-service")).as("extracted once").isFalse();
        assertThat(dir.resolve("target/local-stack/intake-service.extracting")).as("extracted beside, then moved")
                .doesNotExist();
    }

    @Test
    void aLaunchRecordingAnArchiveFromNothingSaysSoAndItsUnfinishedArchiveCanBeDiscarded() throws Exception {
        Path jar = fakeBootJar(dir.resolve("target/review-service.jar"), "build 1");
        Path archive = dir.resolve("target/local-stack/review-service/review-service.jsa");

        ExtractedJars.Launch recording = ExtractedJars.prepare(jar, "review-service", List.of(), "", 21);
        Files.writeString(archive, "the classes loaded before a Ctrl-C");
        ExtractedJars.Launch reading = ExtractedJars.prepare(jar, "review-service", List.of(), "", 21);
        ExtractedJars.discardUnfinished(reading);

        assertThat(recording.recordsAnew()).isEqualTo(archive);
        assertThat(reading.recordsAnew()).as("an archive already there is read, and never discarded").isNull();
        assertThat(archive).exists();
        ExtractedJars.discardUnfinished(recording);
        assertThat(archive).doesNotExist();
        assertThat(ExtractedJars.Launch.asBuilt(jar).recordsAnew()).isNull();
    }

    @Test
    void aJarRebuiltWithOtherLibrariesIsExtractedAgainAndItsOldArchiveGoes() throws Exception {
        Path jar = fakeBootJar(dir.resolve("target/review-service.jar"), "build 1", "kafka 4.1", "support 1");
        ExtractedJars.Launch first = ExtractedJars.prepare(jar, "review-service", List.of(), "", 21);
        Path archive = dir.resolve("target/local-stack/review-service/review-service.jsa");
        Files.writeString(archive, "classes of the build before");

        fakeBootJar(jar, "build 1", "kafka 4.2", "support 1");
        ExtractedJars.Launch rebuilt = ExtractedJars.prepare(jar, "review-service", List.of(), "", 21);

        assertThat(rebuilt).isEqualTo(first);
        assertThat(archive).doesNotExist();
        assertThat(dir.resolve("target/local-stack/review-service/lib/kafka.jar")).hasContent("kafka 4.2");
    }

    @Test
    void aJarWhoseOwnCodeAloneChangedKeepsItsLibrariesAndTheirArchive() throws Exception {
        Path jar = fakeBootJar(dir.resolve("target/review-service.jar"), "build 1", "kafka 4.1", "support 1");
        ExtractedJars.Launch first = ExtractedJars.prepare(jar, "review-service", List.of(), "", 21);
        Path extracted = dir.resolve("target/local-stack/review-service");
        Path archive = extracted.resolve("review-service.jsa");
        Files.writeString(archive, "classes of the libraries");
        FileTime recordedAgainst = Files.getLastModifiedTime(extracted.resolve("lib/kafka.jar"));

        fakeBootJar(jar, "build 2", "kafka 4.1", "support 2");
        ExtractedJars.Launch rebuilt = ExtractedJars.prepare(jar, "review-service", List.of(), "", 21);

        assertThat(rebuilt.ownCodeApart()).isEqualTo(first.ownCodeApart());
        assertThat(rebuilt.recordsAnew()).as("the archive kept is read").isNull();
        assertThat(archive).hasContent("classes of the libraries");
        assertThat(Files.getLastModifiedTime(extracted.resolve("lib/kafka.jar"))).isEqualTo(recordedAgainst);
        assertThat(extracted.resolve("lib/support.jar")).hasContent("support 2");
        try (ZipFile extractedJar = new ZipFile(rebuilt.jar().toFile())) {
            assertThat(extractedJar.getInputStream(extractedJar.getEntry("build.txt"))).hasContent("build 2");
        }
        Path launcher = dir.resolve("target/local-stack/review-service-launcher.jar");
        assertThat(rebuilt.ownCodeApart()).isEqualTo(new OwnCodeApart(launcher,
                List.of(extracted.resolve("lib/kafka.jar")), START_CLASS,
                List.of(rebuilt.jar(), extracted.resolve("lib/support.jar"))));
        assertThat(LauncherJar.classPathOf(launcher)).containsExactly(extracted.resolve("lib/kafka.jar"));
    }

    @Test
    void aJarRewrittenWithTheSameContentKeepsItsExtractionAndArchive() throws Exception {
        Path jar = fakeBootJar(dir.resolve("target/review-service.jar"), "build 1");
        ExtractedJars.prepare(jar, "review-service", List.of(), "", 21);
        mark("review-service");
        Path archive = dir.resolve("target/local-stack/review-service/review-service.jsa");
        Files.writeString(archive, "classes of this build");
        String contentBefore = ExtractedJars.contentOf(jar);

        Files.delete(jar);
        fakeBootJar(jar, "build 1");
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60)));
        ExtractedJars.prepare(jar, "review-service", List.of(), "", 21);

        assertThat(ExtractedJars.contentOf(jar)).isEqualTo(contentBefore);
        assertThat(archive).hasContent("classes of this build");
        assertThat(extractedAgain("review-service")).isFalse();
    }

    @Test
    void aModuleOfTheBuildAddedOrRemovedIsOwnCodeAndLeavesTheArchive() throws Exception {
        Path jar = fakeBootJar(dir.resolve("target/review-service.jar"), "build 1", Map.of("kafka.jar", "kafka 4.1"),
                Map.of("support.jar", "support 1"));
        ExtractedJars.prepare(jar, "review-service", List.of(), "", 21);
        Path extracted = dir.resolve("target/local-stack/review-service");
        Path archive = extracted.resolve("review-service.jsa");
        Files.writeString(archive, "classes of the libraries");

        fakeBootJar(jar, "build 2", Map.of("kafka.jar", "kafka 4.1"),
                Map.of("support.jar", "support 1", "calendar.jar", "calendar 1"));
        ExtractedJars.Launch added = ExtractedJars.prepare(jar, "review-service", List.of(), "", 21);
        fakeBootJar(jar, "build 3", Map.of("kafka.jar", "kafka 4.1"), Map.of("calendar.jar", "calendar 2"));
        ExtractedJars.Launch removed = ExtractedJars.prepare(jar, "review-service", List.of(), "", 21);

        assertThat(added.ownCodeApart().ownCode()).containsExactly(added.jar(), extracted.resolve("lib/calendar.jar"),
                extracted.resolve("lib/support.jar"));
        assertThat(removed.ownCodeApart().ownCode()).containsExactly(removed.jar(),
                extracted.resolve("lib/calendar.jar"));
        assertThat(extracted.resolve("lib/calendar.jar")).hasContent("calendar 2");
        assertThat(extracted.resolve("lib/support.jar")).as("gone with the build that dropped it").doesNotExist();
        assertThat(archive).hasContent("classes of the libraries");
        assertThat(removed.recordsAnew()).isNull();
    }

    @Test
    void anArchiveRecordedWithAnotherClassPathIsRecordedAnew() throws Exception {
        Path jar = fakeBootJar(dir.resolve("target/review-service.jar"), "build 1", "kafka 4.1", "support 1");
        ExtractedJars.prepare(jar, "review-service", List.of(), "", 21);
        Path archive = dir.resolve("target/local-stack/review-service/review-service.jsa");
        Files.writeString(archive, "classes of the libraries");
        assertThat(ExtractedJars.prepare(jar, "review-service", List.of(), "", 21).recordsAnew()).isNull();

        Path launcher = dir.resolve("target/local-stack/review-service-launcher.jar");
        FileTime later = FileTime.fromMillis(Files.getLastModifiedTime(launcher).toMillis() + 60_000);
        Files.setLastModifiedTime(launcher, later);
        ExtractedJars.Launch launch = ExtractedJars.prepare(jar, "review-service", List.of(), "", 21);

        assertThat(archive).as("the JVM would refuse it and not write another").doesNotExist();
        assertThat(launch.recordsAnew()).isEqualTo(archive);
        Files.writeString(archive, "classes recorded with the launcher as it is now");
        assertThat(ExtractedJars.prepare(jar, "review-service", List.of(), "", 21).recordsAnew())
                .as("the new recording kept: its stamp names the class path as it is now").isNull();
        assertThat(archive).exists();
    }

    @Test
    void anArchiveRecordedWithOtherJvmOptionsIsRecordedAnew() throws Exception {
        Path jar = fakeBootJar(dir.resolve("target/review-service.jar"), "build 1", "kafka 4.1", "support 1");
        ExtractedJars.prepare(jar, "review-service", List.of("-Xmx256m"), "", 21);
        Path archive = dir.resolve("target/local-stack/review-service/review-service.jsa");
        Files.writeString(archive, "classes recorded with 256 MB");

        assertThat(ExtractedJars.prepare(jar, "review-service", List.of("-Xmx256m"), "", 21).recordsAnew()).isNull();
        ExtractedJars.Launch other = ExtractedJars.prepare(jar, "review-service", List.of("-Xmx512m"), "", 21);

        assertThat(other.recordsAnew()).as("so that a stop before healthy discards what it wrote").isEqualTo(archive);
        assertThat(archive).doesNotExist();
    }

    @Test
    void aLibraryDroppedKeepsTheFolderButItsArchiveIsRecordedAnew() throws Exception {
        Path jar = fakeBootJar(dir.resolve("target/review-service.jar"), "build 1",
                Map.of("kafka.jar", "kafka 4.1", "zstd.jar", "zstd 1.5"), Map.of("support.jar", "support 1"));
        ExtractedJars.prepare(jar, "review-service", List.of(), "", 21);
        Path extracted = dir.resolve("target/local-stack/review-service");
        Path archive = extracted.resolve("review-service.jsa");
        Files.writeString(archive, "classes of kafka and zstd");

        fakeBootJar(jar, "build 2", Map.of("kafka.jar", "kafka 4.1"), Map.of("support.jar", "support 1"));
        ExtractedJars.Launch launch = ExtractedJars.prepare(jar, "review-service", List.of(), "", 21);

        assertThat(extracted.resolve("lib/zstd.jar")).doesNotExist();
        assertThat(launch.ownCodeApart().libraries()).containsExactly(extracted.resolve("lib/kafka.jar"));
        assertThat(archive).as("its class path had zstd.jar").doesNotExist();
        assertThat(launch.recordsAnew()).isEqualTo(archive);
    }

    @Test
    void anArchiveWrittenInPartIsDeletedSoThatTheJvmWritesItAgain() throws Exception {
        Path jar = fakeBootJar(dir.resolve("target/intake-service.jar"), "build 1");
        ExtractedJars.prepare(jar, "intake-service", List.of(), "", 21);
        Path archive = dir.resolve("target/local-stack/intake-service/intake-service.jsa");
        Files.write(archive, new byte[2 * 1024 * 1024]);

        ExtractedJars.prepare(jar, "intake-service", List.of(), "", 21);
        assertThat(archive).doesNotExist();

        Files.write(archive, new byte[] {(byte) 0xa8, (byte) 0xab, 0x0b, (byte) 0xf0, 1, 2, 3, 4});
        ExtractedJars.prepare(jar, "intake-service", List.of(), "", 21);
        assertThat(archive).as("a written header is the JVM's to judge").exists();
    }

    @Test
    void withAotFromJdk25AnExtractedJarRecordsAnAotCacheInstead() throws Exception {
        Path jar = fakeBootJar(dir.resolve("target/notification-service.jar"), "build 1");
        assertThat(ExtractedJars.prepare(jar, "notification-service", List.of("-Xmx256m"), "", 25).jvmOptions())
                .as("the default on JDK 25").first().asString().startsWith("-XX:SharedArchiveFile=");
        assertThat(ExtractedJars.prepare(jar, "notification-service", List.of("-Xmx256m"), "aot", 24).jvmOptions())
                .as("aot on JDK 24").first().asString().startsWith("-XX:SharedArchiveFile=");

        ExtractedJars.Launch launch = ExtractedJars.prepare(jar, "notification-service", List.of("-Xmx256m"), "aot",
                25);

        Path extracted = dir.resolve("target/local-stack/notification-service");
        assertThat(launch.jar()).isEqualTo(extracted.resolve("notification-service.jar"));
        assertThat(launch.jvmOptions()).containsExactly(
                "-XX:AOTCacheOutput=" + extracted.resolve("notification-service.aot"), "-Xlog:cds=error");
        assertThat(launch.writesCacheAtExit()).isTrue();
        assertThat(launch.recordsAnew()).isEqualTo(extracted.resolve("notification-service.aot"));
        assertThat(Files.readString(extracted.resolve("notification-service.aot.stamp"))).contains("-Xmx256m\n")
                .as("the launcher, the class path's one jar here").contains("class path "
                        + dir.resolve("target/local-stack/notification-service-launcher.jar") + " ");
    }

    @Test
    void aJarThatIsNoBootJarRunsAsBuiltWithoutAnArchive() throws Exception {
        Path jar = TestJars.withMainClass(dir.resolve("target/catalog-service.jar"), ExtractedJarsTests.class,
                Map.of());

        ExtractedJars.Launch launch = ExtractedJars.prepare(jar, "catalog-service", List.of(), "aot", 25);

        assertThat(launch.jar()).isEqualTo(jar);
        assertThat(launch.jvmOptions()).isEmpty();
    }

    private void mark(String part) throws IOException {
        Files.setLastModifiedTime(extractedJar(part), MARK);
    }

    private boolean extractedAgain(String part) throws IOException {
        return !Files.getLastModifiedTime(extractedJar(part)).equals(MARK);
    }

    private Path extractedJar(String part) {
        return dir.resolve("target/local-stack/" + part + "/" + part + ".jar");
    }

    /** A Boot jar without libraries, with {@code build} in one of its classes' files. */
    private static Path fakeBootJar(Path jar, String build) throws IOException {
        return fakeBootJar(jar, build, Map.of(), Map.of());
    }

    /**
     * A Boot jar with two libraries: {@code kafka.jar}, a dependency, and {@code support.jar}, a module of the build
     * (in the "application" layer); each "jar" holds the text given.
     */
    private static Path fakeBootJar(Path jar, String build, String kafka, String support) throws IOException {
        return fakeBootJar(jar, build, Map.of("kafka.jar", kafka), Map.of("support.jar", support));
    }

    /** As above, with these dependencies and these modules of the build (file name to content), in name order. */
    private static Path fakeBootJar(Path jar, String build, Map<String, String> dependencies,
            Map<String, String> modules) throws IOException {
        return TestJars.bootJar(jar, START_CLASS, Map.of("build.txt", build.getBytes()), bytes(dependencies),
                bytes(modules));
    }

    private static Map<String, byte[]> bytes(Map<String, String> files) {
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        new TreeMap<>(files).forEach((name, content) -> bytes.put(name, content.getBytes()));
        return bytes;
    }
}
