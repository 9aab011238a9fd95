package org.mtb.stack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Command lines for child JVMs, run by the same JDK that runs this one (so it is 21 or newer). */
final class JavaCommand {

    /**
     * Logging for the Kafka and Mongo children. The provider is named because a caller's class path
     * (a test module's, say) may hold another SLF4J binding too, and SLF4J would pick by class path order.
     */
    static final List<String> INFRA_LOGGING = List.of(
            "-Dslf4j.provider=org.slf4j.simple.SimpleServiceProvider",
            "-Dorg.slf4j.simpleLogger.showDateTime=true");

    private JavaCommand() {
    }

    static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** A main class from this JVM's own class path, which holds Kafka, mongo-java-server and this module. */
    static List<String> mainClass(List<String> jvmOptions, String mainClass, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(arguments);
        return command;
    }

    static List<String> jar(List<String> jvmOptions, Path jar, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(arguments);
        return command;
    }
}
