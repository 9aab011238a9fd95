package org.mtb.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Boot jar laid out as Boot's {@code -Djarmode=tools extract} lays it out, without a JVM of Boot's tools. */
class BootJarLayoutTests {

    private static final String START_CLASS = "org.mtb.example.ExampleServiceApplication";

    @TempDir
    Path dir;

    @Test
    void theOwnJarHoldsTheClassesAtItsRootAndNamesTheLibrariesInTheIndexOrder() throws Exception {
        Map<String, byte[]> dependencies = new LinkedHashMap<>();
        dependencies.put("zstd.jar", "zstd 1.5".getBytes());
        dependencies.put("kafka.jar", "kafka 4.1".getBytes());
        Path jar = TestJars.bootJar(dir.resolve("service.jar"), START_CLASS,
                Map.of("org/mtb/example/ExampleServiceApplication.class", new byte[] {1, 2},
                        "application.yml", "spring: {}".getBytes(), "META-INF/build-info.properties",
                        "build.version=1".getBytes()),
                dependencies, Map.of("support.jar", "support 1".getBytes()));

        BootJarLayout.extract(jar, dir.resolve("out"));

        try (JarFile own = new JarFile(dir.resolve("out/service.jar").toFile())) {
            assertThat(own.stream().map(JarEntry::getName)).containsExactlyInAnyOrder("META-INF/MANIFEST.MF",
                    "META-INF/maven/org.mtb/service/pom.properties", "org/mtb/example/ExampleServiceApplication.class",
                    "application.yml", "META-INF/build-info.properties");
            assertThat(own.getInputStream(own.getEntry("application.yml"))).hasContent("spring: {}");
            Attributes main = own.getManifest().getMainAttributes();
            assertThat(main.getValue("Main-Class")).isEqualTo(START_CLASS);
            assertThat(main.getValue("Class-Path")).isEqualTo("lib/zstd.jar lib/kafka.jar lib/support.jar");
            assertThat(main.getValue("Spring-Boot-Version")).as("kept, as Boot keeps it").isEqualTo("4.0.9");
            assertThat(main.getValue("Start-Class")).as("the loader's attributes go").isNull();
            assertThat(main.getValue("Spring-Boot-Lib")).isNull();
            assertThat(main.getValue("Spring-Boot-Classpath-Index")).isNull();
        }
        assertThat(dir.resolve("out/lib/kafka.jar")).hasContent("kafka 4.1");
        assertThat(dir.resolve("out/lib/support.jar")).hasContent("support 1");
        assertThat(Files.getLastModifiedTime(dir.resolve("out/lib/zstd.jar")))
                .as("the entry's time, as Boot gives it: the archive's check compares times")
                .isEqualTo(TestJars.LIBRARY_TIME);
    }

    @Test
    void theSameJarExtractedTwiceGivesTheSameLibraries() throws Exception {
        Path jar = TestJars.bootJar(dir.resolve("service.jar"), START_CLASS, Map.of("a.txt", "a".getBytes()),
                Map.of("kafka.jar", "kafka 4.1".getBytes()), Map.of());

        BootJarLayout.extract(jar, dir.resolve("one"));
        BootJarLayout.extract(jar, dir.resolve("two"));

        assertThat(Files.mismatch(dir.resolve("one/lib/kafka.jar"), dir.resolve("two/lib/kafka.jar"))).isEqualTo(-1);
        assertThat(Files.getLastModifiedTime(dir.resolve("two/lib/kafka.jar")))
                .isEqualTo(Files.getLastModifiedTime(dir.resolve("one/lib/kafka.jar")));
    }

    @Test
    void aJarThatIsNoBootJarIsRefused() throws Exception {
        Path plain = TestJars.withMainClass(dir.resolve("plain.jar"), BootJarLayoutTests.class, Map.of());

        assertThatThrownBy(() -> BootJarLayout.extract(plain, dir.resolve("out"))).isInstanceOf(IOException.class)
                .hasMessageContaining("is not a Spring Boot jar");
    }

    @Test
    void aLibraryEntryOutsideLibIsRefused() throws Exception {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Start-Class", START_CLASS);
        manifest.getMainAttributes().putValue("Spring-Boot-Classes", "BOOT-INF/classes/");
        manifest.getMainAttributes().putValue("Spring-Boot-Lib", "BOOT-INF/lib/");
        Path jar = dir.resolve("odd.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.putNextEntry(new JarEntry("BOOT-INF/lib/../../escaped.jar"));
            out.write(1);
        }

        assertThatThrownBy(() -> BootJarLayout.extract(jar, dir.resolve("out/deep"))).isInstanceOf(IOException.class)
                .hasMessageContaining("not a file of lib/");
        assertThat(dir.resolve("escaped.jar")).doesNotExist();
        assertThat(dir.resolve("out/escaped.jar")).doesNotExist();
    }
}
