package org.mtb.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The whole platform on this machine: Mongo and Kafka in child JVMs started from this JVM's class
 * path, the authorization server's jar and the four service jars. Used by {@link StackRunner} and
 * by the end-to-end tests, which also stop and restart single parts.
 *
 * <p>Every child is stopped by {@link #stopAll()}, by {@link #close()} and, should the caller
 * forget, by a shutdown hook ({@link RunningParts}), so a finished test run leaves no broker behind.
 */
public final class LocalStack implements AutoCloseable {

    public static final String MONGO = "mongo";
    public static final String KAFKA = "kafka";
    /** The authorization server that issues the tokens the services accept. */
    public static final String AUTH = "auth";

    private static final Duration INFRA_START_TIMEOUT = Duration.ofSeconds(120);

    private final StackSettings settings;
    private final RunningParts parts = new RunningParts(this::stopAll);

    public LocalStack(StackSettings settings) {
        this.settings = settings;
    }

    public StackSettings settings() {
        return settings;
    }

    /**
     * Starts everything not yet running: Kafka (on a thread of its own) and Mongo until it accepts connections, then the
     * authorization server and the services side by side, and waits for Kafka to accept connections. A service creates
     * its indexes while its context starts, so Mongo comes first (it listens within a second); it first reaches Kafka
     * several seconds into its context's start of 15 s or more (its outbox creates its topics then, its bindings at the
     * end), by which time the broker listens (it takes 3-4 s). Launched only once Kafka listened, or once a first
     * start had formatted its storage, the services waited those seconds with the cores not full.
     */
    public synchronized void startAll() {
        Preflight.requireJars(settings);
        Preflight.requirePortsFree(settings, this::isRunning);
        // The jars are extracted (once per content) while Mongo and Kafka start; each start below waits for its own.
        Thread.ofVirtual().start(() -> ExtractedJars.prepare(settings.authJar(), AUTH, settings.authJvmOptions()));
        StackSettings.SERVICES.forEach(service -> Thread.ofVirtual().start(() -> ExtractedJars.prepare(
                settings.serviceJar(service), service, settings.jvmOptions(service))));
        CompletableFuture<ManagedProcess> kafka = null;
        try {
            // A first start formats Kafka's storage first, in a JVM of its own (1.3-1.7 s alone): beside MongoDB's
            // start, not before the services'. Launched amid five starting contexts, the format took 7.6 s and the
            // broker 15.9 s more, listening 2.3 s before the first service reached it.
            kafka = isRunning(KAFKA) ? null
                    : CompletableFuture.supplyAsync(this::launchKafka, task -> Thread.ofVirtual().start(task));
            startMongo();
            startAuth();
            StackSettings.SERVICES.forEach(this::startService);
            if (kafka != null) {
                Ports.awaitListening(settings.kafkaPort(), INFRA_START_TIMEOUT, track(launched(kafka)));
            }
        } catch (RuntimeException e) {
            ManagedProcess launchedKafka = kafka == null ? null : kafka.handle((process, failure) -> process).join();
            if (launchedKafka != null) {
                track(launchedKafka);
            }
            stopAll();
            throw e;
        }
    }

    /** The broker launched beside the other parts, or the reason it could not be. */
    private static ManagedProcess launched(CompletableFuture<ManagedProcess> kafka) {
        try {
            return kafka.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** Waits for every service within one deadline; they boot side by side, so the slowest sets the pace. */
    public void awaitAllHealthy(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        awaitHealthy(AUTH, timeout);
        for (String service : StackSettings.SERVICES) {
            Duration left = Duration.between(Instant.now(), deadline);
            awaitHealthy(service, left.isNegative() ? Duration.ZERO : left);
        }
    }

    public synchronized void startMongo() {
        if (isRunning(MONGO)) {
            return;
        }
        Ports.requireFree(settings.mongoPort(), "MongoDB", "MTB_MONGO_PORT");
        ManagedProcess mongo = track(new MongoNode(settings.dataDir(), settings.mongoPort()).start(logFile(MONGO)));
        Ports.awaitListening(settings.mongoPort(), INFRA_START_TIMEOUT, mongo);
    }

    public synchronized void stopMongo() {
        stop(MONGO);
    }

    /** Formats the storage on first start, then runs the broker until its PLAINTEXT port accepts connections. */
    public synchronized void startKafka() {
        if (isRunning(KAFKA)) {
            return;
        }
        Ports.awaitListening(settings.kafkaPort(), INFRA_START_TIMEOUT, track(launchKafka()));
    }

    /**
     * Formats the storage on first start and launches the broker, without waiting for it to listen; the caller tracks
     * it (from another thread this one would wait for the stack's lock, held by {@link #startAll()}).
     */
    private ManagedProcess launchKafka() {
        Ports.requireFree(settings.kafkaPort(), "Kafka", "MTB_KAFKA_PORT");
        Ports.requireFree(settings.kafkaControllerPort(), "Kafka controller", "MTB_KAFKA_CONTROLLER_PORT");
        KafkaNode node = new KafkaNode(settings.dataDir(), settings.kafkaPort(), settings.kafkaControllerPort());
        return node.start(logFile(KAFKA));
    }

    public synchronized void stopKafka() {
        stop(KAFKA);
    }

    /** Launches the authorization server and returns at once; {@link #awaitHealthy} with {@link #AUTH} waits. */
    public synchronized void startAuth() {
        if (isRunning(AUTH)) {
            return;
        }
        Path jar = settings.authJar();
        if (!Files.isRegularFile(jar)) {
            throw new StackException(AUTH, logFile(AUTH), "Missing " + jar + ". " + Preflight.BUILD_HINT);
        }
        Ports.requireFree(settings.authPort(), "the authorization server", "MTB_AUTH_PORT");
        start(AUTH, ExtractedJars.prepare(jar, AUTH, settings.authJvmOptions()), settings.authJvmOptions(),
                PartEnvironment.auth(settings));
    }

    public synchronized void stopAuth() {
        stop(AUTH);
    }

    /** Launches a service jar and returns at once; use {@link #awaitHealthy} to wait for it. */
    public synchronized void startService(String name) {
        startService(name, Map.of());
    }

    /** As {@link #startService(String)}, with extra environment, e.g. Spring properties for one run. */
    public synchronized void startService(String name, Map<String, String> extraEnvironment) {
        String service = StackSettings.serviceName(name);
        if (isRunning(service)) {
            return;
        }
        Path jar = settings.serviceJar(service);
        if (!Files.isRegularFile(jar)) {
            throw new StackException(service, logFile(service), "Missing " + jar + ". " + Preflight.BUILD_HINT);
        }
        int port = settings.servicePort(service);
        Ports.requireFree(port, service, StackSettings.portVariable(service));
        List<String> jvmOptions = settings.jvmOptions(service);
        start(service, ExtractedJars.prepare(jar, service, jvmOptions), jvmOptions,
                PartEnvironment.service(settings, service, extraEnvironment));
    }

    /**
     * Starts an extracted jar: its cache's options first, so that any option set later wins; a JVM that writes its
     * cache as it stops is given the time to.
     */
    private ManagedProcess start(String part, ExtractedJars.Launch launch, List<String> jvmOptions,
            Map<String, String> env) {
        List<String> options = new ArrayList<>(launch.jvmOptions());
        options.addAll(jvmOptions);
        Duration grace = launch.writesCacheAtExit() ? ManagedProcess.CACHE_WRITING_GRACE : ManagedProcess.STOP_GRACE;
        return parts.track(ManagedProcess.start(part, JavaCommand.launch(options, launch.arguments()), env,
                logFile(part), grace), launch);
    }

    public synchronized void stopService(String name) {
        stop(StackSettings.serviceName(name));
    }

    /** Polls {@code /actuator/health} until it answers 200 UP; fails early when the service process has exited. */
    public void awaitHealthy(String name, Duration timeout) {
        String service = partName(name);
        int port = AUTH.equals(service) ? settings.authPort() : settings.servicePort(service);
        HealthCheck.await(service, port, timeout, () -> parts.get(service), logFile(service));
        parts.healthy(service);
    }

    /**
     * Services first (side by side), then the authorization server, Kafka and Mongo, so no service loses a server
     * while it shuts down.
     */
    public synchronized void stopAll() {
        List<Thread> stopping = new ArrayList<>();
        for (String service : StackSettings.SERVICES) {
            stopping.add(Thread.ofVirtual().start(() -> stop(service)));
        }
        for (Thread thread : stopping) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        stop(AUTH);
        stop(KAFKA);
        stop(MONGO);
    }

    @Override
    public void close() {
        stopAll();
        parts.closed();
    }

    /** Whether this stack started the part and its process is still alive. */
    public boolean isRunning(String part) {
        return parts.isRunning(partName(part));
    }

    /** The process id of a running part, for tests that need to kill it hard. */
    public long pid(String part) {
        ManagedProcess process = parts.get(partName(part));
        if (process == null || !process.isAlive()) {
            throw new IllegalStateException(part + " is not running");
        }
        return process.pid();
    }

    /** {@code <dataDir>/logs/<part>.log}; a restarted part appends to the same file. */
    public Path logFile(String part) {
        return settings.logFile(partName(part));
    }

    /** The last lines of a part's log, for a failure message. */
    public String logTail(String part, int lines) {
        return LogTail.of(logFile(part), lines);
    }

    /** Service jars that are not built yet. */
    public List<Path> missingJars() {
        return Preflight.missingJars(settings);
    }

    private ManagedProcess track(ManagedProcess process) {
        return parts.track(process);
    }

    private void stop(String part) {
        parts.stop(part);
    }

    /** A part's full name: {@code mongo}, {@code kafka}, {@code auth}, or a service's ({@code review-service}). */
    static String partName(String part) {
        return MONGO.equals(part) || KAFKA.equals(part) || AUTH.equals(part) ? part : StackSettings.serviceName(part);
    }
}
