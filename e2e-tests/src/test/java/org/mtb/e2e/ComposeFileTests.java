package org.mtb.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mtb.stack.StackSettings;
import org.yaml.snakeyaml.Yaml;

/**
 * The Docker Compose stack and the embedded one ({@code ./mtb up}) must stay interchangeable:
 * same ports, same database per service, same variables, and Prometheus scraping every service.
 */
class ComposeFileTests {

    private final Path repo = MetricReferences.repositoryRoot();
    private final StackSettings embedded = StackSettings.defaults(repo);
    private final Map<String, Object> services = map(load(repo.resolve("docker-compose.yml")).get("services"));

    @Test
    void namesTheInfrastructureMonitoringAndTheFourServices() {
        assertThat(services).containsKeys("kafka", "mongo", "prometheus", "keycloak");
        assertThat(services).containsKeys(StackSettings.SERVICES.toArray(String[]::new));
    }

    @Test
    void publishesEachServiceOnTheEmbeddedDefaultPortAndTellsItThatPort() {
        for (String service : StackSettings.SERVICES) {
            int port = embedded.servicePort(service);
            Map<String, String> env = environment(service);

            assertThat(ports(service)).as(service).contains(port + ":" + port);
            assertThat(env.get("PORT")).as(service).isEqualTo(String.valueOf(port));
        }
    }

    @Test
    void pointsEachServiceAtTheSameDatabaseAsTheEmbeddedStack() {
        for (String service : StackSettings.SERVICES) {
            String uri = environment(service).get("MONGODB_URI");

            assertThat(uri).as(service).startsWith("mongodb://");
            assertThat(URI.create(uri).getPath()).as(service).isEqualTo("/" + embedded.mongoDatabase(service));
        }
    }

    @Test
    void givesEachServiceTheKafkaBootstrapServers() {
        for (String service : StackSettings.SERVICES) {
            assertThat(environment(service).get("KAFKA_BOOTSTRAP_SERVERS")).as(service).isEqualTo("kafka:9092");
        }
    }

    @Test
    void publishesKafkaAndMongoOnTheEmbeddedDefaultPorts() {
        assertThat(hostPorts("kafka")).contains(embedded.kafkaPort());
        assertThat(hostPorts("mongo")).contains(embedded.mongoPort());
    }

    @Test
    void prometheusScrapesEveryServiceInComposeAndOnTheHost() {
        assertThat(String.valueOf(map(services.get("prometheus")).get("volumes")))
                .contains("deploy/prometheus/prometheus.yml");

        List<String> inCompose = scrapeTargets(repo.resolve("deploy/prometheus/prometheus.yml"));
        List<String> onHost = scrapeTargets(repo.resolve("deploy/prometheus/prometheus-local.yml"));
        for (String service : StackSettings.SERVICES) {
            int port = embedded.servicePort(service);
            assertThat(inCompose).contains(service + ":" + port);
            assertThat(onHost).contains("localhost:" + port);
        }
    }

    @Test
    void runsKeycloakWithTheRealmTheEmbeddedServerReadsAndPointsEveryServiceAndPrometheusAtIt() {
        Map<String, Object> keycloak = map(services.get("keycloak"));
        assertThat(String.valueOf(keycloak.get("volumes"))).contains("./deploy/keycloak/mtb-realm.json:");
        assertThat(String.valueOf(keycloak.get("command"))).contains("--import-realm");
        assertThat(hostPorts("keycloak")).contains(embedded.authPort());
        assertThat(environment("keycloak").get("KC_HOSTNAME")).isEqualTo("http://localhost:" + embedded.authPort());
        for (String service : StackSettings.SERVICES) {
            Map<String, String> env = environment(service);
            assertThat(env.get("MTB_SECURITY_ISSUER")).as(service)
                    .isEqualTo("http://localhost:" + embedded.authPort() + "/realms/mtb");
            assertThat(env.get("MTB_SECURITY_JWKS_URI")).as(service)
                    .isEqualTo("http://keycloak:8080/realms/mtb/protocol/openid-connect/certs");
        }
    }

    @Test
    void givesEveryServiceTheSamePersonalDataKeyFileOnAVolumeTheyShare() {
        for (String service : StackSettings.SERVICES) {
            assertThat(environment(service).get("MTB_PERSONAL_DATA_KEY_FILE")).as(service)
                    .isEqualTo("/var/lib/mtb/keys/personal-data.json");
            assertThat(String.valueOf(map(services.get(service)).get("volumes"))).as(service)
                    .contains("personal-data-keys:/var/lib/mtb/keys");
        }
        assertThat(map(load(repo.resolve("docker-compose.yml")).get("volumes"))).containsKey("personal-data-keys");
        for (String file : List.of("prometheus.yml", "prometheus-local.yml")) {
            for (Object job : list(load(repo.resolve("deploy/prometheus").resolve(file)).get("scrape_configs"))) {
                Map<String, Object> oauth2 = map(map(job).get("oauth2"));
                assertThat(oauth2.get("client_id")).as(file).isEqualTo("mtb-prometheus");
                assertThat(String.valueOf(oauth2.get("token_url"))).as(file)
                        .endsWith("/realms/mtb/protocol/openid-connect/token");
            }
        }
        assertThat(String.valueOf(load(repo.resolve("deploy/prometheus/prometheus-local.yml")).get("scrape_configs")))
                .contains(embedded.authTokenUri());
    }

    private List<String> ports(String service) {
        List<String> ports = new ArrayList<>();
        for (Object entry : list(map(services.get(service)).get("ports"))) {
            ports.add(String.valueOf(entry));
        }
        return ports;
    }

    /** Host side of {@code "host:container"} mappings. */
    private List<Integer> hostPorts(String service) {
        return ports(service).stream().map(mapping -> Integer.parseInt(mapping.split(":")[0])).toList();
    }

    /** Compose allows a map or a list of {@code NAME=value}; both are read. */
    private Map<String, String> environment(String service) {
        Object raw = map(services.get(service)).get("environment");
        Map<String, String> env = new LinkedHashMap<>();
        if (raw instanceof Map<?, ?> entries) {
            entries.forEach((name, value) -> env.put(String.valueOf(name), String.valueOf(value)));
        } else {
            for (Object entry : list(raw)) {
                String[] pair = String.valueOf(entry).split("=", 2);
                env.put(pair[0], pair.length > 1 ? pair[1] : "");
            }
        }
        return env;
    }

    private static List<String> scrapeTargets(Path prometheusYml) {
        List<String> targets = new ArrayList<>();
        for (Object job : list(load(prometheusYml).get("scrape_configs"))) {
            assertThat(map(job).get("metrics_path")).isEqualTo("/actuator/prometheus");
            for (Object staticConfig : list(map(job).get("static_configs"))) {
                list(map(staticConfig).get("targets")).forEach(target -> targets.add(String.valueOf(target)));
            }
        }
        return targets;
    }

    private static Map<String, Object> load(Path file) {
        assertThat(file).isRegularFile();
        try (Reader reader = Files.newBufferedReader(file)) {
            return new Yaml().load(reader);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + file, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    private static List<?> list(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return (List<?>) value;
    }
}
