package org.mtb.stack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Jars for the tests of how the stack runs a jar: one main class from the tests' own classes, and resources. */
final class TestJars {

    /** The time of every library entry of {@link #bootJar}, as Maven keeps a dependency's own time. */
    static final FileTime LIBRARY_TIME = FileTime.from(Instant.parse("2024-05-30T06:30:38Z"));

    private TestJars() {
    }

    /**
     * Writes {@code jar} (and its folder) laid out as Spring Boot's Maven plugin lays out an executable jar: the loader
     * (one class here) and its file-system provider, {@code classes} under {@code BOOT-INF/classes/}, the libraries
     * (dependencies, then the build's modules, each in the order given) under {@code BOOT-INF/lib/} and in the class
     * path index, the modules in the "application" layer, and {@code META-INF/maven/} as Maven writes it.
     */
    static Path bootJar(Path jar, String startClass, Map<String, byte[]> classes, Map<String, byte[]> dependencies,
            Map<String, byte[]> modules) throws IOException {
        Files.createDirectories(jar.getParent());
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.put(Attributes.Name.MAIN_CLASS, "org.springframework.boot.loader.launch.JarLauncher");
        main.putValue("Start-Class", startClass);
        main.putValue("Spring-Boot-Version", "4.0.9");
        main.putValue("Spring-Boot-Classes", "BOOT-INF/classes/");
        main.putValue("Spring-Boot-Lib", "BOOT-INF/lib/");
        main.putValue("Spring-Boot-Classpath-Index", "BOOT-INF/classpath.idx");
        main.putValue("Spring-Boot-Layers-Index", "BOOT-INF/layers.idx");
        StringBuilder index = new StringBuilder();
        StringBuilder layers = new StringBuilder("- \"dependencies\":\n");
        dependencies.keySet().forEach(name -> layers.append("  - \"BOOT-INF/lib/").append(name).append("\"\n"));
        layers.append("- \"spring-boot-loader\":\n  - \"org/\"\n- \"snapshot-dependencies\":\n- \"application\":\n")
                .append("  - \"BOOT-INF/classes/\"\n  - \"BOOT-INF/classpath.idx\"\n  - \"BOOT-INF/layers.idx\"\n");
        modules.keySet().forEach(name -> layers.append("  - \"BOOT-INF/lib/").append(name).append("\"\n"));
        layers.append("  - \"META-INF/\"\n");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            write(out, "org/springframework/boot/loader/launch/JarLauncher.class",
                    new byte[] {(byte) 0xca, (byte) 0xfe});
            write(out, "META-INF/services/java.nio.file.spi.FileSystemProvider",
                    "org.springframework.boot.loader.nio.file.NestedFileSystemProvider\n".getBytes());
            write(out, "META-INF/maven/org.mtb/service/pom.properties", "artifactId=service\n".getBytes());
            for (Map.Entry<String, byte[]> file : classes.entrySet()) {
                write(out, "BOOT-INF/classes/" + file.getKey(), file.getValue());
            }
            for (Map<String, byte[]> libraries : List.of(dependencies, modules)) {
                for (Map.Entry<String, byte[]> library : libraries.entrySet()) {
                    JarEntry entry = new JarEntry("BOOT-INF/lib/" + library.getKey());
                    entry.setLastModifiedTime(LIBRARY_TIME);
                    out.putNextEntry(entry);
                    out.write(library.getValue());
                    index.append("- \"BOOT-INF/lib/").append(library.getKey()).append("\"\n");
                }
            }
            write(out, "BOOT-INF/classpath.idx", index.toString().getBytes());
            write(out, "BOOT-INF/layers.idx", layers.toString().getBytes());
        }
        return jar;
    }

    private static void write(JarOutputStream out, String name, byte[] content) throws IOException {
        out.putNextEntry(new JarEntry(name));
        out.write(content);
    }

    /** Writes {@code jar} (and its folder) with {@code mainClass} as its only class and main class. */
    static Path withMainClass(Path jar, Class<?> mainClass, Map<String, byte[]> resources) throws IOException {
        return withMainClass(jar, mainClass, resources, Map.of());
    }

    /** As above, with further attributes in its manifest ({@code Class-Path}, say). */
    static Path withMainClass(Path jar, Class<?> mainClass, Map<String, byte[]> resources,
            Map<String, String> manifestAttributes) throws IOException {
        Files.createDirectories(jar.getParent());
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass.getName());
        manifestAttributes.forEach((name, value) -> manifest.getMainAttributes().putValue(name, value));
        String entry = mainClass.getName().replace('.', '/') + ".class";
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
                InputStream bytes = mainClass.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            bytes.transferTo(out);
            for (Map.Entry<String, byte[]> resource : resources.entrySet()) {
                out.putNextEntry(new JarEntry(resource.getKey()));
                out.write(resource.getValue());
            }
        }
        return jar;
    }
}
