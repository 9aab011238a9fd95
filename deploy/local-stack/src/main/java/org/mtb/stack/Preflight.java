package org.mtb.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Checks made before anything starts, so a missing jar or a taken port does not leave half a stack behind. */
final class Preflight {

    static final String BUILD_HINT = "Build the service jars with ./mtb build (or ./mvnw -B -DskipTests package).";

    private Preflight() {
    }

    static List<Path> missingJars(StackSettings settings) {
        return Stream.concat(Stream.of(settings.authJar()), StackSettings.SERVICES.stream().map(settings::serviceJar))
                .filter(jar -> !Files.isRegularFile(jar))
                .toList();
    }

    static void requireJars(StackSettings settings) {
        List<Path> missing = missingJars(settings);
        if (!missing.isEmpty()) {
            throw new StackException("build", null, "Missing jar(s): " + missing + ". " + BUILD_HINT);
        }
    }

    /** Every port of a part that is not running yet must be free. */
    static void requirePortsFree(StackSettings settings, Predicate<String> running) {
        if (!running.test(LocalStack.MONGO)) {
            Ports.requireFree(settings.mongoPort(), "MongoDB", "MTB_MONGO_PORT");
        }
        if (!running.test(LocalStack.KAFKA)) {
            Ports.requireFree(settings.kafkaPort(), "Kafka", "MTB_KAFKA_PORT");
            Ports.requireFree(settings.kafkaControllerPort(), "Kafka controller", "MTB_KAFKA_CONTROLLER_PORT");
        }
        if (!running.test(LocalStack.AUTH)) {
            Ports.requireFree(settings.authPort(), "the authorization server", "MTB_AUTH_PORT");
        }
        for (String service : StackSettings.SERVICES) {
            if (!running.test(service)) {
                Ports.requireFree(settings.servicePort(service), service, StackSettings.portVariable(service));
            }
        }
    }
}
