package org.mtb.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtb.stack.launch.OwnCodeLauncher;

/**
 * A service's JVM as the stack starts it: its libraries and the launcher on the class path, its own jars added once the
 * JVM runs. The "service" here is one class that reports what it sees; its jar and a "library" both hold
 * {@code which.txt} and a class of the same name, and its jar names the library in its {@code Class-Path}, as the
 * stack's extraction writes it.
 */
class OwnCodeLauncherTests {

    @TempDir
    Path dir;

    /**
     * The own jars on the class path's loader, after the libraries, so that a library sees the project's files by its
     * own class loader (as Spring's {@code SpringFactoriesLoader} must, to find the platform's settings). With a class
     * archive as the stack keeps one, recorded by the first run and read by the second: the JVM has nothing to say of
     * it (an {@code --add-opens} option on the command line made it log an error at every start, the JDK's own archive
     * having been made without that module property).
     */
    @Test
    void theOwnJarsJoinTheClassPathsLoaderAfterTheLibraries() throws Exception {
        List<String> expected = List.of(
                "arguments [one, two]",
                "loaded by app",
                "context loader app",
                "which.txt found 2 times, the library's first",
                "library class loaded by app",
                "a class in both loaded by app",
                "the library sees the service's own file by its own loader: true");
        Path archive = dir.resolve("service.jsa");
        // Errors of the archive shown, its warnings not: recording warns of the service's classes it leaves out.
        List<String> withArchive = List.of("-XX:SharedArchiveFile=" + archive, "-XX:+AutoCreateSharedArchive",
                "-Xlog:cds=error");
        List<String> arguments = serviceBesideALibrary().arguments();

        assertThat(run(withArchive, arguments, "one", "two")).as("recording").containsExactlyElementsOf(expected);
        assertThat(archive).isNotEmptyFile();
        assertThat(run(withArchive, arguments, "one", "two")).as("reading").containsExactlyElementsOf(expected);
    }

    /**
     * Started without {@code java -jar}, so without its jar's {@code Add-Opens} that lets it append to the class path's
     * loader, the launcher loads the own jars with a loader of its own, the service's first; that loader follows the
     * service's {@code Class-Path}, so it defines the library's class too, and the library still sees the project's
     * files. It says so on standard error, first.
     */
    @Test
    void withoutTheOpeningTheOwnJarsHaveALoaderOfTheirOwn() throws Exception {
        OwnCodeApart apart = serviceBesideALibrary();
        List<String> withoutJavaJar = List.of("-cp", apart.classPath(), OwnCodeLauncher.class.getName(),
                apart.mainClass(), apart.ownCode().getFirst().toString());

        assertThat(run(List.of(), withoutJavaJar, "one", "two")).containsExactly(
                "[own-code-launcher] the project's jars have a loader of their own: java.base/jdk.internal.loader"
                        + " is not open to the launcher (started without java -jar and its jar's Add-Opens) or this"
                        + " JDK's class path loader cannot be appended to; the libraries' classes are then read from"
                        + " their jars, not from the class archive",
                "arguments [one, two]",
                "loaded by own-code",
                "context loader own-code",
                "which.txt found 3 times, the service's first",
                "library class loaded by own-code",
                "a class in both loaded by own-code",
                "the library sees the service's own file by its own loader: true");
    }

    private OwnCodeApart serviceBesideALibrary() throws Exception {
        String shared = SharedName.class.getName().replace('.', '/') + ".class";
        byte[] sharedClass;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(shared)) {
            sharedClass = in.readAllBytes();
        }
        Path library = TestJars.withMainClass(dir.resolve("lib/library.jar"), LibraryClass.class,
                Map.of("which.txt", "the library's".getBytes(StandardCharsets.UTF_8), shared, sharedClass));
        Path own = TestJars.withMainClass(dir.resolve("own/service.jar"), ReportingService.class,
                Map.of("which.txt", "the service's".getBytes(StandardCharsets.UTF_8), shared, sharedClass,
                        "service-only.txt", new byte[] {1}),
                Map.of("Class-Path", "../lib/library.jar"));
        Path launcher = LauncherJar.write(dir.resolve("service-launcher.jar"), List.of(library));
        return new OwnCodeApart(launcher, List.of(library), ReportingService.class.getName(), List.of(own));
    }

    @Test
    void aJarWithoutALayerIndexHasNoOwnLibraries() throws Exception {
        Path jar = TestJars.withMainClass(dir.resolve("plain.jar"), LibraryClass.class, Map.of());

        assertThat(OwnCodeApart.ownLibraries(jar)).isEmpty();
    }

    private List<String> run(List<String> options, List<String> launch, String... arguments)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(launch);
        command.addAll(List.of(arguments));
        List<String> jvmOptions = new ArrayList<>(List.of("-Xmx64m"));
        jvmOptions.addAll(options);
        Path output = dir.resolve("run.log");
        Process process = new ProcessBuilder(JavaCommand.launch(jvmOptions, command))
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(Files.readString(output)).isZero();
        return Files.readAllLines(output);
    }

    /** The service: tells where it, its resource and a library's class came from. */
    public static final class ReportingService {

        public static void main(String[] args) throws Exception {
            ClassLoader context = Thread.currentThread().getContextClassLoader();
            System.out.println("arguments " + List.of(args));
            System.out.println("loaded by " + ReportingService.class.getClassLoader().getName());
            System.out.println("context loader " + context.getName());
            List<URL> all = Collections.list(context.getResources("which.txt"));
            try (InputStream first = all.getFirst().openStream()) {
                System.out.println("which.txt found " + all.size() + " times, "
                        + new String(first.readAllBytes(), StandardCharsets.UTF_8) + " first");
            }
            System.out.println("library class loaded by "
                    + Class.forName(LibraryClass.class.getName(), false, context).getClassLoader().getName());
            System.out.println("a class in both loaded by " + SharedName.class.getClassLoader().getName());
            System.out.println("the library sees the service's own file by its own loader: "
                    + LibraryClass.seesServiceOnlyFile());
        }
    }

    /** A class that both the service's jar and the library hold. */
    public static final class SharedName {
    }

    /** A library's class, on the JVM's class path. */
    public static final class LibraryClass {

        /** Whether a library finds the service's file by its own class loader, as Spring's factories loader looks. */
        public static boolean seesServiceOnlyFile() {
            return LibraryClass.class.getClassLoader().getResource("service-only.txt") != null;
        }

        public static void main(String[] args) {
            // a main class only so that its jar can be written as the other
        }
    }
}
