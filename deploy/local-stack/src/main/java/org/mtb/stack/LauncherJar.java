package org.mtb.stack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.mtb.stack.launch.OwnCodeLauncher;

/**
 * The jar a part's JVM is started with ({@code java -jar}): the launcher's classes ({@link OwnCodeLauncher}) and a
 * manifest that names them as the main class, the part's libraries as its {@code Class-Path} (relative to the jar, in
 * the order given), and {@code Add-Opens: java.base/jdk.internal.loader}, which lets the launcher append the project's
 * jars to the class path's loader. The opening is in the manifest rather than an {@code --add-opens} option, because the
 * JVM takes that option as a module property that the JDK's own class archive was made without: it then logs an error
 * at every start ("Mismatched values for property jdk.module.addopens") and gives up the archived module graph. The
 * manifest's attribute is applied by the launcher of {@code java -jar} as it starts the main class, with no property.
 * The class archive checks the jars that a class path jar's {@code Class-Path} names as it checks the class path.
 *
 * <p>Written only when its content changes, as the class archive checks the time of every jar on the class path: the
 * same classes and libraries give the same bytes (entries stored, at a fixed time).
 */
final class LauncherJar {

    private static final LocalDateTime FIXED_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);
    private static final List<Class<?>> LAUNCHER_CLASSES = Stream.concat(Stream.of(OwnCodeLauncher.class),
            Arrays.stream(OwnCodeLauncher.class.getDeclaredClasses())).toList();

    private LauncherJar() {
    }

    /**
     * Where a part's launcher's jar lives: in {@code root}, beside the part's folder, which an extraction replaces
     * whole; the jar must keep its time while its content stays.
     */
    static Path of(Path root, String part) {
        return root.resolve(part + "-launcher.jar");
    }

    /** Writes {@code jar} for {@code libraries}, each in its folder or below, unless it is there already. */
    static synchronized Path write(Path jar, List<Path> libraries) throws IOException {
        byte[] content = content(jar.toAbsolutePath().getParent(), libraries);
        if (Files.isRegularFile(jar) && Arrays.equals(Files.readAllBytes(jar), content)) {
            return jar;
        }
        Path written = Files.write(jar.resolveSibling(jar.getFileName() + ".tmp"), content);
        return Files.move(written, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The jars named by {@code jar}'s manifest {@code Class-Path}, resolved beside it; none if it names none. */
    static List<Path> classPathOf(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            return classPathOf(jar, manifest == null ? new Attributes() : manifest.getMainAttributes());
        }
    }

    /** The jars that {@code main}, the main attributes of {@code jar}'s manifest, names in its {@code Class-Path}. */
    static List<Path> classPathOf(Path jar, Attributes main) {
        String classPath = main.getValue(Attributes.Name.CLASS_PATH);
        List<Path> named = new ArrayList<>();
        if (classPath != null && !classPath.isBlank()) {
            for (String entry : classPath.trim().split("\\s+")) {
                named.add(Path.of(jar.toAbsolutePath().toUri().resolve(entry)));
            }
        }
        return named;
    }

    private static byte[] content(Path dir, List<Path> libraries) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.put(Attributes.Name.MAIN_CLASS, OwnCodeLauncher.class.getName());
        main.put(new Attributes.Name("Add-Opens"), OwnCodeLauncher.ADD_OPENS);
        if (!libraries.isEmpty()) {
            main.put(Attributes.Name.CLASS_PATH, String.join(" ", relative(dir, libraries)));
        }
        ByteArrayOutputStream manifestBytes = new ByteArrayOutputStream();
        manifest.write(manifestBytes);

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            stored(out, JarFile.MANIFEST_NAME, manifestBytes.toByteArray());
            for (Class<?> type : LAUNCHER_CLASSES) {
                String name = type.getName().replace('.', '/') + ".class";
                try (InputStream in = LauncherJar.class.getClassLoader().getResourceAsStream(name)) {
                    if (in == null) {
                        throw new IOException(name + " is not on this JVM's class path");
                    }
                    stored(out, name, in.readAllBytes());
                }
            }
        }
        return bytes.toByteArray();
    }

    /** Each library as a URL relative to {@code dir}, as {@code Class-Path} wants it. */
    private static List<String> relative(Path dir, List<Path> libraries) throws IOException {
        URI base = dir.toAbsolutePath().normalize().toUri();
        List<String> entries = new ArrayList<>();
        for (Path library : libraries) {
            URI entry = base.relativize(library.toAbsolutePath().normalize().toUri());
            if (entry.isAbsolute()) {
                throw new IOException(library + " is not in " + dir + ", the launcher's jar's folder");
            }
            entries.add(entry.toString());
        }
        return entries;
    }

    private static void stored(ZipOutputStream out, String name, byte[] content) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        CRC32 crc = new CRC32();
        crc.update(content);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(content.length);
        entry.setCrc(crc.getValue());
        entry.setTimeLocal(FIXED_TIME);
        out.putNextEntry(entry);
        out.write(content);
    }
}
