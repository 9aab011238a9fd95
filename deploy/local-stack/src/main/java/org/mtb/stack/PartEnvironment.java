package org.mtb.stack;

import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;

/** The environment the stack starts the authorization server and each service with: its port and where the rest is. */
final class PartEnvironment {

    private PartEnvironment() {
    }

    static Map<String, String> auth(StackSettings settings) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PORT", String.valueOf(settings.authPort()));
        env.put("MTB_AUTH_ISSUER", settings.authIssuer());
        env.put("MTB_AUTH_KEY_FILE", settings.authKeyFile().toString());
        if (Files.isRegularFile(settings.realmFile())) {
            env.put("MTB_AUTH_REALM_FILE", "file:" + settings.realmFile());
        }
        return env;
    }

    /** @param extra further variables for one run (Spring properties, say), set last so that they win */
    static Map<String, String> service(StackSettings settings, String service, Map<String, String> extra) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PORT", String.valueOf(settings.servicePort(service)));
        env.put("MONGODB_URI", settings.mongoUri(service));
        env.put("KAFKA_BOOTSTRAP_SERVERS", settings.kafkaBootstrapServers());
        env.put("MTB_SECURITY_ISSUER", settings.authIssuer());
        env.put("MTB_SECURITY_JWKS_URI", settings.authJwksUri());
        env.put("MTB_PERSONAL_DATA_KEY_FILE", settings.personalDataKeyFile().toString());
        if (Files.isRegularFile(settings.channelSecretsFile())) {
            env.put("MTB_SECURITY_CHANNEL_SECRETS", "file:" + settings.channelSecretsFile());
        }
        env.putAll(extra);
        return env;
    }
}
