package org.mtb.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StackSettingsTests {

    private final Path repo = Path.of("/work/repo");
    private final StackSettings defaults = StackSettings.defaults(repo);

    @Test
    void defaultsUseTheWellKnownPorts() {
        assertThat(defaults.kafkaPort()).isEqualTo(9092);
        assertThat(defaults.kafkaControllerPort()).isEqualTo(9093);
        assertThat(defaults.mongoPort()).isEqualTo(27017);
        assertThat(defaults.authPort()).isEqualTo(8085);
        assertThat(defaults.authIssuer()).isEqualTo("http://localhost:8085");
        assertThat(defaults.authJwksUri()).isEqualTo("http://127.0.0.1:8085/realms/mtb/protocol/openid-connect/certs");
        assertThat(defaults.authTokenUri()).isEqualTo("http://localhost:8085/realms/mtb/protocol/openid-connect/token");
        assertThat(defaults.servicePorts()).containsExactly(
                Map.entry("intake-service", 8081),
                Map.entry("review-service", 8082),
                Map.entry("notification-service", 8083),
                Map.entry("catalog-service", 8084));
    }

    @Test
    void defaultsKeepDataAndLogsUnderTheRepository() {
        assertThat(defaults.dataDir()).isEqualTo(repo.resolve(".data"));
        assertThat(defaults.logFile("kafka")).isEqualTo(repo.resolve(".data/logs/kafka.log"));
        assertThat(defaults.pidFile()).isEqualTo(repo.resolve(".data/stack.pid"));
    }

    @Test
    void findsEachServiceJarInItsModulesTargetFolder() {
        assertThat(defaults.serviceJar("review-service"))
                .isEqualTo(repo.resolve("review-service/target/review-service.jar"));
    }

    @Test
    void givesEachServiceItsOwnDatabaseOnTheSharedMongo() {
        assertThat(defaults.mongoDatabase("intake-service")).isEqualTo("mtb_intake");
        assertThat(defaults.mongoDatabase("review-service")).isEqualTo("mtb_review");
        assertThat(defaults.mongoDatabase("notification-service")).isEqualTo("mtb_notification");
        assertThat(defaults.mongoDatabase("catalog-service")).isEqualTo("mtb_catalog");
        assertThat(defaults.mongoUri("catalog-service")).isEqualTo("mongodb://127.0.0.1:27017/mtb_catalog");
        assertThat(defaults.kafkaBootstrapServers()).isEqualTo("127.0.0.1:9092");
    }

    @Test
    void acceptsTheShortServiceName() {
        assertThat(defaults.servicePort("catalog")).isEqualTo(8084);
        assertThat(defaults.mongoDatabase("intake")).isEqualTo("mtb_intake");
    }

    @Test
    void rejectsAnUnknownService() {
        assertThatThrownBy(() -> defaults.servicePort("billing"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("billing");
    }

    @Test
    void environmentVariablesOverridePortsDataDirAndJvmOptions() {
        Map<String, String> env = Map.of(
                "MTB_DATA_DIR", "/tmp/mtb-data",
                "MTB_KAFKA_PORT", "19092",
                "MTB_MONGO_PORT", "37017",
                "MTB_REVIEW_PORT", "18082",
                "MTB_JVM_OPTS", "-Xmx256m -Dfoo=bar");

        StackSettings settings = defaults.overriddenBy(env::get);

        assertThat(settings.dataDir()).isEqualTo(Path.of("/tmp/mtb-data"));
        assertThat(settings.kafkaPort()).isEqualTo(19092);
        assertThat(settings.mongoPort()).isEqualTo(37017);
        assertThat(settings.servicePort("review-service")).isEqualTo(18082);
        assertThat(settings.servicePort("intake-service")).isEqualTo(8081);
        assertThat(settings.jvmOptions()).containsExactly("-Xmx256m", "-Dfoo=bar");
        assertThat(settings.mongoUri("review")).isEqualTo("mongodb://127.0.0.1:37017/mtb_review");
    }

    @Test
    void aServicesOwnJvmOptionsComeAfterThoseOfEveryService() {
        StackSettings settings = defaults.overriddenBy(Map.of("MTB_JVM_OPTS", "-Xmx256m -XX:TieredStopAtLevel=1",
                "MTB_INTAKE_JVM_OPTS", " -XX:TieredStopAtLevel=4  -Xmx320m ")::get);

        assertThat(settings.jvmOptions("intake")).containsExactly("-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-XX:TieredStopAtLevel=4", "-Xmx320m");
        assertThat(settings.jvmOptions("review-service")).containsExactly("-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-Xmn40m");
        assertThat(settings.jvmOptions("catalog-service")).containsExactly("-Xmx256m", "-XX:TieredStopAtLevel=1");
        assertThat(defaults.overriddenBy(Map.of("MTB_INTAKE_JVM_OPTS", "")::get).jvmOptions("intake"))
                .as("blank: none of its own").isEqualTo(defaults.jvmOptions());
    }

    @Test
    void intakeRunsWithC2AndASmallerHeapTheOtherServicesWithC1Only() {
        assertThat(defaults.jvmOptions("intake")).startsWith(ServiceJvmOptions.DEFAULT_JVM_OPTIONS.toArray(String[]::new))
                .endsWith("-XX:TieredStopAtLevel=4", "-Xmx192m", "-XX:ReservedCodeCacheSize=96m",
                        "-XX:MaxInlineLevel=9", "-XX:InlineSmallCode=1000", "-XX:CompileThresholdScaling=0.5",
                        "-XX:-UseSerialGC", "-XX:+UseParallelGC", "-XX:ParallelGCThreads=2",
                        "-XX:-UseAdaptiveSizePolicy", "-Xmn64m", "-XX:SurvivorRatio=6");
        for (String service : List.of("review", "notification", "catalog")) {
            assertThat(defaults.jvmOptions(service)).as(service)
                    .startsWith(ServiceJvmOptions.DEFAULT_JVM_OPTIONS.toArray(String[]::new))
                    .contains("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC").doesNotContain("-XX:TieredStopAtLevel=4")
                    .doesNotContain("-XX:+UseParallelGC");
        }
        assertThat(defaults.jvmOptions("catalog")).isEqualTo(ServiceJvmOptions.DEFAULT_JVM_OPTIONS);
        assertThat(defaults.overriddenBy(Map.of("MTB_INTAKE_JVM_OPTS", "-Xmx320m")::get).jvmOptions("intake"))
                .as("intake's own options replaced").endsWith("-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=64m",
                        "-XX:SweeperThreshold=50", "-XX:MetaspaceSize=96m", "-XX:+ExitOnOutOfMemoryError", "-Xmx320m")
                .doesNotContain("-XX:TieredStopAtLevel=4");
    }

    @Test
    void reviewAndNotificationRunWithALargerYoungGenerationUnlessTheirOwnOptionsAreGiven() {
        for (String service : List.of("review", "notification")) {
            assertThat(defaults.jvmOptions(service)).as(service).endsWith("-XX:+ExitOnOutOfMemoryError", "-Xmn40m");
        }
        StackSettings replaced = defaults.overriddenBy(Map.of("MTB_REVIEW_JVM_OPTS", "-Xmn64m -Xlog:gc")::get);
        assertThat(replaced.jvmOptions("review")).endsWith("-XX:+ExitOnOutOfMemoryError", "-Xmn64m", "-Xlog:gc")
                .doesNotContain("-Xmn40m");
        assertThat(replaced.jvmOptions("notification")).endsWith("-Xmn40m");
    }

    @Test
    void controllerPortFollowsAnOverriddenKafkaPortUnlessSetItself() {
        assertThat(defaults.overriddenBy(Map.of("MTB_KAFKA_PORT", "19092")::get).kafkaControllerPort())
                .isEqualTo(19093);
        assertThat(defaults.overriddenBy(Map.of("MTB_KAFKA_PORT", "19092", "MTB_KAFKA_CONTROLLER_PORT", "29093")::get)
                .kafkaControllerPort()).isEqualTo(29093);
    }

    @Test
    void rejectsAPortThatIsNotANumberAndNamesTheVariable() {
        assertThatThrownBy(() -> defaults.overriddenBy(Map.of("MTB_CATALOG_PORT", "eighty")::get))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("MTB_CATALOG_PORT=eighty");
    }

    @Test
    void systemPropertiesOverrideLikeEnvironmentVariables() {
        System.setProperty("mtb.notification.port", "18083");
        try {
            assertThat(StackSettings.fromEnvironment(repo).servicePort("notification-service")).isEqualTo(18083);
        } finally {
            System.clearProperty("mtb.notification.port");
        }
    }

    @Test
    void aBlankOptionsVariableLeavesAServicesOwnOptionsInPlace() {
        assumeTrue(System.getenv("MTB_REVIEW_JVM_OPTS") == null, "MTB_REVIEW_JVM_OPTS is set in this environment");
        System.setProperty("mtb.review.jvm.opts", "  ");
        try {
            assertThat(StackSettings.fromEnvironment(repo).jvmOptions("review")).endsWith("-Xmn40m");
            System.setProperty("mtb.review.jvm.opts", "-Xmn64m");
            assertThat(StackSettings.fromEnvironment(repo).jvmOptions("review")).endsWith("-Xmn64m")
                    .doesNotContain("-Xmn40m");
        } finally {
            System.clearProperty("mtb.review.jvm.opts");
        }
    }

    @Test
    void freePortsAreDistinctSoTwoStacksCanRunSideBySide() {
        StackSettings settings = defaults.withFreePorts();

        Set<Integer> ports = new HashSet<>(settings.servicePorts().values());
        ports.addAll(List.of(settings.kafkaPort(), settings.kafkaControllerPort(), settings.mongoPort(),
                settings.authPort()));
        assertThat(ports).hasSize(8).doesNotContain(9092, 27017, 8081, 8085);
        assertThat(settings.dataDir()).isEqualTo(defaults.dataDir());
    }

    @Test
    void theAuthorizationServerTakesTheOptionsOfEveryServiceThenASmallerHeapAndItsPortFromTheEnvironment() {
        StackSettings settings = defaults.overriddenBy(Map.of("MTB_AUTH_PORT", "18085",
                "MTB_JVM_OPTS", "-Xmx300m -Dx=1")::get);

        assertThat(settings.authPort()).isEqualTo(18085);
        assertThat(settings.authIssuer()).isEqualTo("http://localhost:18085");
        assertThat(settings.authJvmOptions()).containsExactly("-Xmx300m", "-Dx=1", "-Xmx64m");
        assertThat(settings.authJar()).isEqualTo(repo.resolve("deploy/auth-server/target/auth-server.jar"));
        assertThat(settings.realmFile()).isEqualTo(repo.resolve("deploy/keycloak/mtb-realm.json"));
        assertThat(settings.authKeyFile()).startsWithRaw(settings.dataDir());
        assertThat(settings.personalDataKeyFile()).isEqualTo(settings.dataDir().resolve("keys/personal-data.json"));
    }

    @Test
    void namesThePortVariableOfEachService() {
        assertThat(StackSettings.portVariable("intake-service")).isEqualTo("MTB_INTAKE_PORT");
        assertThat(StackSettings.portVariable("notification")).isEqualTo("MTB_NOTIFICATION_PORT");
    }
}
