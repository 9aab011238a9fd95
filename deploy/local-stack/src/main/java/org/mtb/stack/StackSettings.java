package org.mtb.stack;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Where the local stack keeps its data and which ports it uses.
 *
 * <p>Service names are the Maven module names ({@code intake-service}); the short form
 * ({@code intake}) is accepted wherever a name is taken.
 *
 * @param dataDir             Kafka and Mongo data, the cluster id, logs and the runner's pid file
 * @param kafkaPort           the broker's PLAINTEXT listener
 * @param kafkaControllerPort the KRaft controller listener
 * @param mongoPort           the MongoDB wire protocol server
 * @param authPort            the authorization server (issuer {@code http://localhost:<authPort>})
 * @param servicePorts        HTTP port per service, in start order
 * @param jarsRoot            repository root; each service jar is {@code <service>/target/<service>.jar}
 * @param jvmOptions          extra options for every service JVM
 * @param serviceJvmOptions   options for one service's JVM, after those of every service (a later option wins)
 */
public record StackSettings(
        Path dataDir,
        int kafkaPort,
        int kafkaControllerPort,
        int mongoPort,
        int authPort,
        Map<String, Integer> servicePorts,
        Path jarsRoot,
        List<String> jvmOptions,
        Map<String, List<String>> serviceJvmOptions) {

    /** The four services, in the order the runner lists them. */
    public static final List<String> SERVICES =
            List.of("intake-service", "review-service", "notification-service", "catalog-service");

    /** The realm's endpoints, at Keycloak's paths on both authorization servers. */
    static final String REALM_ENDPOINTS = "/realms/mtb/protocol/openid-connect";

    public StackSettings {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(jarsRoot, "jarsRoot");
        Objects.requireNonNull(servicePorts, "servicePorts");
        dataDir = dataDir.toAbsolutePath().normalize();
        jarsRoot = jarsRoot.toAbsolutePath().normalize();
        Map<String, Integer> ports = new LinkedHashMap<>();
        servicePorts.forEach((name, port) -> ports.put(serviceName(name), port));
        if (!ports.keySet().containsAll(SERVICES)) {
            throw new IllegalArgumentException("servicePorts needs a port for each of " + SERVICES + ", got " + ports);
        }
        servicePorts = Collections.unmodifiableMap(ports);
        jvmOptions = List.copyOf(jvmOptions);
        Map<String, List<String>> own = new LinkedHashMap<>();
        serviceJvmOptions.forEach((name, options) -> own.put(serviceName(name), List.copyOf(options)));
        serviceJvmOptions = Collections.unmodifiableMap(own);
    }

    /**
     * The defaults: Kafka 9092 (controller 9093), Mongo 27017, the authorization server 8085, services 8081-8084, data
     * in {@code <repo>/.data}.
     */
    public static StackSettings defaults(Path repoRoot) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("intake-service", 8081);
        ports.put("review-service", 8082);
        ports.put("notification-service", 8083);
        ports.put("catalog-service", 8084);
        return new StackSettings(repoRoot.resolve(".data"), 9092, 9093, 27017, 8085, ports, repoRoot,
                ServiceJvmOptions.DEFAULT_JVM_OPTIONS,
                Map.of("intake-service", ServiceJvmOptions.INTAKE_JVM_OPTIONS,
                        "review-service", ServiceJvmOptions.CONSUMER_JVM_OPTIONS,
                        "notification-service", ServiceJvmOptions.CONSUMER_JVM_OPTIONS));
    }

    /**
     * The defaults, overridden by system properties ({@code -Dmtb.kafka.port=19092}) or else
     * environment variables ({@code MTB_KAFKA_PORT=19092}); see {@link #overriddenBy}.
     */
    public static StackSettings fromEnvironment(Path repoRoot) {
        return defaults(repoRoot).overriddenBy(StackSettings::systemPropertyOrEnv);
    }

    /**
     * Applies overrides looked up by environment-variable name: {@code MTB_DATA_DIR},
     * {@code MTB_JARS_ROOT}, {@code MTB_KAFKA_PORT}, {@code MTB_KAFKA_CONTROLLER_PORT} (else Kafka
     * port + 1 when only the Kafka port is overridden), {@code MTB_MONGO_PORT}, {@code MTB_AUTH_PORT},
     * {@code MTB_INTAKE_PORT}, {@code MTB_REVIEW_PORT}, {@code MTB_NOTIFICATION_PORT},
     * {@code MTB_CATALOG_PORT}, {@code MTB_JVM_OPTS} (space separated) and, for one service,
     * {@code MTB_INTAKE_JVM_OPTS} and its likes.
     */
    StackSettings overriddenBy(UnaryOperator<String> lookup) {
        Path data = pathOr(lookup.apply("MTB_DATA_DIR"), dataDir);
        Path jars = pathOr(lookup.apply("MTB_JARS_ROOT"), jarsRoot);
        int kafka = portOr(lookup, "MTB_KAFKA_PORT", kafkaPort);
        int controller = portOr(lookup, "MTB_KAFKA_CONTROLLER_PORT",
                kafka == kafkaPort ? kafkaControllerPort : kafka + 1);
        int mongo = portOr(lookup, "MTB_MONGO_PORT", mongoPort);
        int auth = portOr(lookup, "MTB_AUTH_PORT", authPort);
        Map<String, Integer> ports = new LinkedHashMap<>();
        servicePorts.forEach((name, port) -> ports.put(name, portOr(lookup, portVariable(name), port)));
        List<String> jvm = optionsOr(lookup.apply("MTB_JVM_OPTS"), jvmOptions);
        Map<String, List<String>> own = new LinkedHashMap<>();
        servicePorts.keySet().forEach(name -> own.put(name, optionsOr(lookup.apply(jvmOptionsVariable(name)),
                serviceJvmOptions.getOrDefault(name, List.of()))));
        return new StackSettings(data, kafka, controller, mongo, auth, ports, jars, jvm, own);
    }

    /** The options a service's JVM starts with: those of every service, then its own. */
    public List<String> jvmOptions(String service) {
        List<String> options = new java.util.ArrayList<>(jvmOptions);
        options.addAll(serviceJvmOptions.getOrDefault(serviceName(service), List.of()));
        return List.copyOf(options);
    }

    /** The authorization server's JVM options: those of every service, then a smaller heap. */
    public List<String> authJvmOptions() {
        List<String> options = new java.util.ArrayList<>(jvmOptions);
        options.addAll(ServiceJvmOptions.AUTH_JVM_OPTIONS);
        return List.copyOf(options);
    }

    public StackSettings withDataDir(Path dir) {
        return new StackSettings(dir, kafkaPort, kafkaControllerPort, mongoPort, authPort, servicePorts, jarsRoot,
                jvmOptions, serviceJvmOptions);
    }

    public StackSettings withJvmOptions(List<String> options) {
        return new StackSettings(dataDir, kafkaPort, kafkaControllerPort, mongoPort, authPort, servicePorts, jarsRoot,
                options, serviceJvmOptions);
    }

    /** Every port replaced by a currently free one, so a test can run beside a developer's stack. */
    public StackSettings withFreePorts() {
        List<Integer> free = Ports.freePorts(servicePorts.size() + 4);
        Map<String, Integer> ports = new LinkedHashMap<>();
        servicePorts.keySet().forEach(name -> ports.put(name, free.get(ports.size() + 4)));
        return new StackSettings(dataDir, free.get(0), free.get(1), free.get(2), free.get(3), ports, jarsRoot,
                jvmOptions, serviceJvmOptions);
    }

    /** {@code intake} or {@code intake-service} to {@code intake-service}; unknown names are rejected. */
    public static String serviceName(String name) {
        String full = name.endsWith("-service") ? name : name + "-service";
        if (!SERVICES.contains(full)) {
            throw new IllegalArgumentException("Unknown service '" + name + "'; known: " + SERVICES);
        }
        return full;
    }

    public int servicePort(String service) {
        return servicePorts.get(serviceName(service));
    }

    /** {@code intake-service} keeps its data in {@code mtb_intake}, in Docker and embedded alike. */
    public String mongoDatabase(String service) {
        String full = serviceName(service);
        return "mtb_" + full.substring(0, full.length() - "-service".length());
    }

    public String mongoUri(String service) {
        return "mongodb://127.0.0.1:" + mongoPort + "/" + mongoDatabase(service);
    }

    public String kafkaBootstrapServers() {
        return "127.0.0.1:" + kafkaPort;
    }

    public String serviceUrl(String service) {
        return "http://localhost:" + servicePort(service);
    }

    public Path serviceJar(String service) {
        String full = serviceName(service);
        return jarsRoot.resolve(full).resolve("target").resolve(full + ".jar");
    }

    /** The {@code iss} of the authorization server's tokens, which the services check; also its base URL. */
    public String authIssuer() {
        return "http://localhost:" + authPort;
    }

    /** Where the services fetch the keys that sign tokens. */
    public String authJwksUri() {
        return "http://127.0.0.1:" + authPort + REALM_ENDPOINTS + "/certs";
    }

    public String authTokenUri() {
        return authIssuer() + REALM_ENDPOINTS + "/token";
    }

    public Path authJar() {
        return jarsRoot.resolve("deploy").resolve("auth-server").resolve("target").resolve("auth-server.jar");
    }

    /** The realm file compose's Keycloak imports; the authorization server reads the same one. */
    public Path realmFile() {
        return jarsRoot.resolve("deploy").resolve("keycloak").resolve("mtb-realm.json");
    }

    /** The channels' development signing secrets ({@code x-tif-signature}), which the services check. */
    public Path channelSecretsFile() {
        return jarsRoot.resolve("deploy").resolve("channels").resolve("dev-channel-secrets.json");
    }

    /** The key that signs tokens, created by the authorization server on its first start; never committed. */
    public Path authKeyFile() {
        return dataDir.resolve("auth").resolve("signing-key.jwk");
    }

    /**
     * The keys of personal data, which intake, review and notification share: created by whichever starts first,
     * readable by its owner only, never committed ({@code .data/} is ignored).
     */
    public Path personalDataKeyFile() {
        return dataDir.resolve("keys").resolve("personal-data.json");
    }

    public Path logsDir() {
        return dataDir.resolve("logs");
    }

    /** The log file of a part: {@code mongo}, {@code kafka}, {@code auth} or a service name. */
    public Path logFile(String part) {
        return logsDir().resolve(part + ".log");
    }

    public Path pidFile() {
        return dataDir.resolve("stack.pid");
    }

    static String portVariable(String service) {
        String full = serviceName(service);
        return "MTB_" + full.substring(0, full.indexOf('-')).toUpperCase(Locale.ROOT) + "_PORT";
    }

    static String jvmOptionsVariable(String service) {
        return portVariable(service).replace("_PORT", "_JVM_OPTS");
    }

    /** Space-separated options; blank means none, absent means {@code otherwise}. */
    private static List<String> optionsOr(String value, List<String> otherwise) {
        return value == null ? otherwise : value.isBlank() ? List.of() : List.of(value.trim().split("\\s+"));
    }

    private static String systemPropertyOrEnv(String variable) {
        String property = variable.toLowerCase(Locale.ROOT).replace('_', '.');
        String value = System.getProperty(property);
        return value != null && !value.isBlank() ? value : blankToNull(System.getenv(variable));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static Path pathOr(String value, Path fallback) {
        return value == null || value.isBlank() ? fallback : Path.of(value.trim());
    }

    private static int portOr(UnaryOperator<String> lookup, String variable, int fallback) {
        String value = lookup.apply(variable);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(variable + "=" + value + " is not a TCP port (1-65535)", e);
        }
    }
}
