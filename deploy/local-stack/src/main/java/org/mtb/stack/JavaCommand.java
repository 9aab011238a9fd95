package org.mtb.stack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Command lines for child JVMs, run by the same JDK that runs this one (so it is 21 or newer). */
final class JavaCommand {

    /**
     * Logging for the Kafka and Mongo children. The provider is named because a caller's class path
     * (a test module's, say) may hold another SLF4J binding too, and SLF4J would pick by class path order.
     */
    static final List<String> INFRA_LOGGING = List.of(
            "-Dslf4j.provider=org.slf4j.simple.SimpleServiceProvider",
            "-Dorg.slf4j.simpleLogger.showDateTime=true");

    /**
     * Memory options of every child JVM, for the JDK that runs them. From JDK 22, a child returns the native memory it
     * freed to the system every few seconds (the compilers' arenas, Kafka's and the drivers' buffers): glibc keeps
     * freed memory in its heap, so a JVM stayed at its peak after a load. From JDK 25, objects have 8-byte headers
     * instead of 12 (JEP 519), so the same data fills less of each heap. Measured in {@code ./mtb bench submissions}
     * with the smaller initial heap of the services: 1,957 MiB for the stack after the load instead of 2,209-2,289
     * (benchmarks/README.md). On JDK 21 children run without them (experimental there).
     */
    static final List<String> MEMORY_OPTIONS = memoryOptions(Runtime.version().feature());

    /**
     * glibc gives each thread that allocates natively an arena of its own, up to eight per core, each holding on to what
     * it once held. Two are enough for a JVM, whose Java objects live in its own heap; a value set by the caller wins.
     */
    static final Map<String, String> ENVIRONMENT = Map.of("MALLOC_ARENA_MAX", "2");

    private JavaCommand() {
    }

    static List<String> memoryOptions(int jdk) {
        List<String> options = new ArrayList<>();
        if (jdk >= 22) {
            options.add("-XX:TrimNativeHeapInterval=5000");
        }
        if (jdk >= 25) {
            options.add("-XX:+UseCompactObjectHeaders");
        }
        return List.copyOf(options);
    }

    /**
     * Further options for one infrastructure JVM from an environment variable (space separated), e.g.
     * {@code MTB_MONGO_JVM_OPTS="-Xlog:gc"}; none when it is unset or blank.
     */
    static List<String> optionsFrom(String variable) {
        String value = System.getenv().getOrDefault(variable, "").trim();
        return value.isEmpty() ? List.of() : List.of(value.split("\\s+"));
    }

    static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** A main class from this JVM's own class path, which holds Kafka, mongo-java-server and this module. */
    static List<String> mainClass(List<String> jvmOptions, String mainClass, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(MEMORY_OPTIONS);
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(arguments);
        return command;
    }

    /** @param launch what follows the options: {@code -jar <jar>}, or a class path and a main class, and arguments */
    static List<String> launch(List<String> jvmOptions, List<String> launch) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(MEMORY_OPTIONS);
        command.addAll(jvmOptions);
        command.addAll(launch);
        return command;
    }
}
