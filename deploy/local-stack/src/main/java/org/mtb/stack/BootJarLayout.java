package org.mtb.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;

/**
 * What Spring Boot's {@code java -Djarmode=tools -jar <jar> extract --destination <dir>} writes, as far as the stack
 * runs it, written by this JVM: {@code <dir>/<jar>} with the classes and resources of {@code BOOT-INF/classes/} at its
 * root, the jar's own {@code META-INF/} entries, and a manifest whose {@code Main-Class} is the Boot jar's
 * {@code Start-Class} and whose {@code Class-Path} names {@code lib/<library>} in the order of Boot's class path index;
 * and {@code <dir>/lib/}, each library of {@code BOOT-INF/lib/} copied as it is stored, with its entry's time. Boot's
 * loader ({@code org/springframework/boot/loader/}) and the attributes that only it reads are left out.
 */
final class BootJarLayout {

    private static final String LOADER = "org/springframework/boot/loader/";
    /** The loader's file-system provider, registered in the Boot jar for the loader's nested jars. */
    private static final String LOADER_SERVICE = "META-INF/services/java.nio.file.spi.FileSystemProvider";
    private static final List<String> LOADER_ATTRIBUTES = List.of("Start-Class", "Spring-Boot-Classes",
            "Spring-Boot-Lib", "Spring-Boot-Classpath-Index", "Spring-Boot-Layers-Index");

    private BootJarLayout() {
    }

    /** @throws IOException also when {@code bootJar} is no Spring Boot jar (no {@code Start-Class}, say) */
    static void extract(Path bootJar, Path destination) throws IOException {
        try (JarFile jar = new JarFile(bootJar.toFile(), false)) {
            Manifest manifest = jar.getManifest();
            Attributes main = manifest == null ? new Attributes() : manifest.getMainAttributes();
            String startClass = main.getValue("Start-Class");
            String classes = main.getValue("Spring-Boot-Classes");
            String lib = main.getValue("Spring-Boot-Lib");
            if (startClass == null || classes == null || lib == null) {
                throw new IOException(bootJar + " is not a Spring Boot jar: its manifest names no Start-Class,"
                        + " Spring-Boot-Classes or Spring-Boot-Lib");
            }
            Files.createDirectories(destination.resolve("lib"));
            List<String> classPath = new ArrayList<>();
            for (JarEntry entry : jar.stream().toList()) {
                if (entry.getName().startsWith(lib) && !entry.isDirectory()) {
                    String library = libraryName(entry.getName().substring(lib.length()));
                    copyLibrary(jar, entry, destination.resolve("lib").resolve(library));
                    classPath.add("lib/" + library);
                }
            }
            String index = main.getValue("Spring-Boot-Classpath-Index");
            if (index != null && jar.getEntry(index) != null) {
                classPath = indexed(jar, jar.getEntry(index), lib);
            }
            Manifest own = new Manifest(manifest);
            LOADER_ATTRIBUTES.forEach(name -> own.getMainAttributes().remove(new Attributes.Name(name)));
            own.getMainAttributes().remove(Attributes.Name.CLASS_PATH);
            own.getMainAttributes().put(Attributes.Name.MAIN_CLASS, startClass);
            if (!classPath.isEmpty()) {
                own.getMainAttributes().put(Attributes.Name.CLASS_PATH, String.join(" ", classPath));
            }
            writeOwnJar(jar, classes, own, destination.resolve(bootJar.getFileName()));
        }
    }

    /** A library's file name, refused if it would leave {@code lib/}. */
    private static String libraryName(String name) throws IOException {
        if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.equals("..")) {
            throw new IOException("a library entry that is not a file of lib/: " + name);
        }
        return name;
    }

    private static void copyLibrary(JarFile jar, JarEntry entry, Path target) throws IOException {
        try (InputStream in = jar.getInputStream(entry)) {
            Files.copy(in, target);
        }
        Files.setLastModifiedTime(target, entry.getLastModifiedTime());
    }

    /** The class path as Boot's index orders it ({@code - "BOOT-INF/lib/x.jar"} a line). */
    private static List<String> indexed(JarFile jar, ZipEntry index, String lib) throws IOException {
        List<String> classPath = new ArrayList<>();
        try (InputStream in = jar.getInputStream(index)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList()) {
                String entry = line.trim();
                if (entry.startsWith("- \"" + lib) && entry.endsWith("\"")) {
                    classPath.add("lib/" + libraryName(entry.substring(3 + lib.length(), entry.length() - 1)));
                }
            }
        }
        return classPath;
    }

    private static void writeOwnJar(JarFile jar, String classes, Manifest manifest, Path target) throws IOException {
        Set<String> written = new HashSet<>(Set.of(JarFile.MANIFEST_NAME, "META-INF/"));
        try (OutputStream file = Files.newOutputStream(target);
                JarOutputStream out = new JarOutputStream(file, manifest)) {
            for (JarEntry entry : jar.stream().toList()) {
                String name = ownName(entry.getName(), classes);
                if (name == null || name.isEmpty() || !written.add(name)
                        || name.equals(LOADER_SERVICE) && isTheLoaders(jar, entry)) {
                    continue;
                }
                JarEntry copy = new JarEntry(name);
                copy.setLastModifiedTime(entry.getLastModifiedTime());
                out.putNextEntry(copy);
                try (InputStream in = jar.getInputStream(entry)) {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
    }

    /** An entry's name in the own jar, or null when it is not part of it. */
    private static String ownName(String name, String classes) {
        if (name.startsWith(classes)) {
            return name.substring(classes.length());
        }
        if (name.startsWith("BOOT-INF/") || name.startsWith(LOADER) || LOADER.startsWith(name)) {
            return null; // the loader's classes and the folders above them: Boot's own, not the service's
        }
        return name;
    }

    private static boolean isTheLoaders(JarFile jar, JarEntry entry) throws IOException {
        try (InputStream in = jar.getInputStream(entry)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).contains("org.springframework.boot.loader");
        }
    }
}
