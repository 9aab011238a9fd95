package org.mtb.stack;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.mtb.stack.launch.OwnCodeLauncher;

/**
 * An extracted Boot jar as its JVM runs it: the libraries on the class path, those with the most classes first
 * ({@link ClassPathOrder}), where the JVM's class archive keeps their classes, and the project's own code (the jar
 * itself and the libraries of Spring Boot's "application" layer, the modules of this build) added to the same loader by
 * {@link OwnCodeLauncher} once the JVM runs. A build that changed only the project's code leaves the libraries, and so
 * the archive, as they were.
 *
 * @param libraries the class path's libraries, then the launcher's jar
 * @param mainClass the service's main class
 * @param ownCode   the service's jar, then its own libraries
 */
record OwnCodeApart(List<Path> libraries, String mainClass, List<Path> ownCode) {

    /** The layer of a Boot jar's {@code BOOT-INF/layers.idx} that holds its own classes and the build's modules. */
    static final String OWN_LAYER = "application";
    /** The launcher's jar, beside the extractions it starts; written only when its content changes. */
    static final String LAUNCHER_JAR = "own-code-launcher.jar";

    private static final String LIB = "BOOT-INF/lib/";
    private static final LocalDateTime FIXED_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);
    private static final List<Class<?>> LAUNCHER_CLASSES = Stream.concat(Stream.of(OwnCodeLauncher.class),
            Arrays.stream(OwnCodeLauncher.class.getDeclaredClasses())).toList();

    OwnCodeApart {
        libraries = List.copyOf(libraries);
        ownCode = List.copyOf(ownCode);
    }

    /** What follows the JVM options on its command line. */
    List<String> arguments() {
        return List.of(OwnCodeLauncher.OPENS, "-cp", classPath(), OwnCodeLauncher.class.getName(), mainClass,
                joined(ownCode));
    }

    /** The class path alone, as an archive is recorded and tried with. */
    String classPath() {
        return joined(libraries);
    }

    /**
     * What a class archive or AOT cache recorded now would be recorded with: the JDK, the options (those of every child,
     * {@link JavaCommand#MEMORY_OPTIONS}, then the part's) and each jar of the class path with its size and time, as
     * the JVM checks them. The stamp to compare before using one.
     */
    static String recordedWith(String classPath, List<String> partOptions) throws IOException {
        StringBuilder found = new StringBuilder("java ").append(JavaCommand.javaExecutable()).append(' ')
                .append(Runtime.version()).append('\n');
        Stream.concat(JavaCommand.MEMORY_OPTIONS.stream(), partOptions.stream())
                .forEach(option -> found.append(option).append('\n'));
        for (String entry : classPath.split(File.pathSeparator)) {
            Path jar = Path.of(entry);
            found.append("class path ").append(entry).append(Files.isRegularFile(jar)
                    ? " " + Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis() : " missing")
                    .append('\n');
        }
        return found.toString();
    }

    /**
     * @param own       the file names of the libraries that are the project's own code ({@link #ownLibraries})
     * @param extracted the extracted jar, whose manifest names the main class and the libraries; the libraries' class
     *                  counts are kept beside it ({@link ClassPathOrder#COUNTS})
     * @param launcher  the launcher's jar ({@link #writeLauncher})
     */
    static OwnCodeApart of(Set<String> own, Path extracted, Path launcher) throws IOException {
        Attributes manifest;
        try (JarFile jar = new JarFile(extracted.toFile())) {
            manifest = jar.getManifest() == null ? new Attributes() : jar.getManifest().getMainAttributes();
        }
        String mainClass = manifest.getValue(Attributes.Name.MAIN_CLASS);
        if (mainClass == null) {
            throw new IOException(extracted + " names no Main-Class");
        }
        List<Path> libraries = new ArrayList<>();
        List<Path> ownCode = new ArrayList<>(List.of(extracted));
        String classPath = manifest.getValue(Attributes.Name.CLASS_PATH);
        for (String entry : classPath == null ? List.<String>of() : Arrays.asList(classPath.trim().split("\\s+"))) {
            Path library = Path.of(extracted.toUri().resolve(entry));
            (own.contains(library.getFileName().toString()) ? ownCode : libraries).add(library);
        }
        List<Path> ordered = new ArrayList<>(
                ClassPathOrder.mostClassesFirst(libraries, extracted.resolveSibling(ClassPathOrder.COUNTS)));
        ordered.add(launcher);
        return new OwnCodeApart(ordered, mainClass, ownCode);
    }

    /** The file names of the libraries in {@code bootJar}'s {@link #OWN_LAYER}; none when it has no layer index. */
    static Set<String> ownLibraries(Path bootJar) throws IOException {
        Set<String> own = new LinkedHashSet<>();
        try (ZipFile zip = new ZipFile(bootJar.toFile())) {
            ZipEntry index = zip.getEntry("BOOT-INF/layers.idx");
            if (index == null) {
                return own;
            }
            String layer = "";
            try (InputStream in = zip.getInputStream(index)) {
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList()) {
                    if (line.startsWith("- \"")) {
                        layer = line.substring(3, line.lastIndexOf('"'));
                    } else if (layer.equals(OWN_LAYER) && line.trim().startsWith("- \"" + LIB)) {
                        own.add(line.substring(line.indexOf(LIB) + LIB.length(), line.lastIndexOf('"')));
                    }
                }
            }
        }
        return own;
    }

    /**
     * Writes the launcher's jar into {@code dir} unless it is there with the same content: the class archive checks
     * the time of every jar on the class path, and a jar written anew on every start would void it every time.
     */
    static synchronized Path writeLauncher(Path dir) throws IOException {
        Path jar = dir.resolve(LAUNCHER_JAR);
        byte[] content = launcherJar();
        if (Files.isRegularFile(jar) && Arrays.equals(Files.readAllBytes(jar), content)) {
            return jar;
        }
        Path written = Files.write(dir.resolve(LAUNCHER_JAR + ".tmp"), content);
        return Files.move(written, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The launcher's classes, stored uncompressed and with a fixed time: the same classes give the same bytes. */
    private static byte[] launcherJar() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Class<?> type : LAUNCHER_CLASSES) {
                String name = type.getName().replace('.', '/') + ".class";
                byte[] classFile;
                try (InputStream in = OwnCodeApart.class.getClassLoader().getResourceAsStream(name)) {
                    if (in == null) {
                        throw new IOException(name + " is not on this JVM's class path");
                    }
                    classFile = in.readAllBytes();
                }
                ZipEntry entry = new ZipEntry(name);
                CRC32 crc = new CRC32();
                crc.update(classFile);
                entry.setMethod(ZipEntry.STORED);
                entry.setSize(classFile.length);
                entry.setCrc(crc.getValue());
                entry.setTimeLocal(FIXED_TIME);
                out.putNextEntry(entry);
                out.write(classFile);
            }
        }
        return bytes.toByteArray();
    }

    private static String joined(List<Path> paths) {
        return String.join(File.pathSeparator, paths.stream().map(Path::toString).toList());
    }
}
