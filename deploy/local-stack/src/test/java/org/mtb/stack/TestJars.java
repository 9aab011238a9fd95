package org.mtb.stack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Jars for the tests of how the stack runs a jar: one main class from the tests' own classes, and resources. */
final class TestJars {

    private TestJars() {
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
