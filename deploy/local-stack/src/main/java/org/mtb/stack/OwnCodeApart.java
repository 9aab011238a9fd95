package org.mtb.stack;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.mtb.stack.launch.OwnCodeLauncher;

/**
 * An extracted Boot jar as its JVM runs it: started from the part's launcher's jar ({@link LauncherJar}), whose
 * manifest names the libraries as its class path, those with the most classes first ({@link ClassPathOrder}), where the
 * JVM's class archive keeps their classes; and the project's own code (the jar itself and the libraries of Spring
 * Boot's "application" layer, the modules of this build) added to the same loader by {@link OwnCodeLauncher} once the
 * JVM runs. A build that changed only the project's code leaves the libraries, and so the archive, as they were.
 *
 * @param launcher  the launcher's jar, the JVM's class path; its manifest names the libraries
 * @param libraries the libraries, in the order the launcher's jar names them
 * @param mainClass the service's main class
 * @param ownCode   the service's jar, then its own libraries
 */
record OwnCodeApart(Path launcher, List<Path> libraries, String mainClass, List<Path> ownCode) {

    /** The layer of a Boot jar's {@code BOOT-INF/layers.idx} that holds its own classes and the build's modules. */
    static final String OWN_LAYER = "application";

    private static final String LIB = "BOOT-INF/lib/";

    OwnCodeApart {
        libraries = List.copyOf(libraries);
        ownCode = List.copyOf(ownCode);
    }

    /** What follows the JVM options on its command line. */
    List<String> arguments() {
        return List.of("-jar", launcher.toString(), mainClass, joined(ownCode));
    }

    /** The class path alone, as an archive is recorded and tried with: the launcher's jar, which names the rest. */
    String classPath() {
        return launcher.toString();
    }

    /**
     * What a class archive or AOT cache recorded now would be recorded with: the JDK, the options (those of every child,
     * {@link JavaCommand#MEMORY_OPTIONS}, then the part's) and each jar of the class path with its size and time, as
     * the JVM checks them, each followed by the jars its manifest's {@code Class-Path} names (the libraries, for the
     * launcher's jar). The stamp to compare before using one.
     */
    static String recordedWith(String classPath, List<String> partOptions) throws IOException {
        StringBuilder found = new StringBuilder("java ").append(JavaCommand.javaExecutable()).append(' ')
                .append(Runtime.version()).append('\n');
        Stream.concat(JavaCommand.MEMORY_OPTIONS.stream(), partOptions.stream())
                .forEach(option -> found.append(option).append('\n'));
        for (String entry : classPath.split(File.pathSeparator)) {
            Path jar = Path.of(entry);
            found.append("class path ").append(sizeAndTime(jar));
            if (Files.isRegularFile(jar)) {
                for (Path named : LauncherJar.classPathOf(jar)) {
                    found.append("  named ").append(sizeAndTime(named));
                }
            }
        }
        return found.toString();
    }

    private static String sizeAndTime(Path jar) throws IOException {
        return jar + (Files.isRegularFile(jar)
                ? " " + Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis() : " missing") + "\n";
    }

    /**
     * @param own       the file names of the libraries that are the project's own code ({@link #ownLibraries})
     * @param extracted the extracted jar, whose manifest names the main class and the libraries; the libraries' class
     *                  counts are kept beside it ({@link ClassPathOrder#COUNTS})
     * @param launcher  where the launcher's jar is written for these libraries ({@link LauncherJar#of})
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
        for (Path library : LauncherJar.classPathOf(extracted, manifest)) {
            (own.contains(library.getFileName().toString()) ? ownCode : libraries).add(library);
        }
        List<Path> ordered = ClassPathOrder.mostClassesFirst(libraries, extracted.resolveSibling(ClassPathOrder.COUNTS));
        return new OwnCodeApart(LauncherJar.write(launcher, ordered), ordered, mainClass, ownCode);
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

    private static String joined(List<Path> paths) {
        return String.join(File.pathSeparator, paths.stream().map(Path::toString).toList());
    }
}
