package org.mtb.auth;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * Where the authorization server finds its realm and keeps its key.
 *
 * @param issuer    the {@code iss} of every token and the base of the endpoints it advertises; resource servers must
 *                  be configured with exactly this value
 * @param realmFile the Keycloak realm file that defines clients, roles and users
 * @param keyFile   the signing key, created there on first start
 */
@ConfigurationProperties("mtb.auth")
record AuthServerProperties(String issuer, Resource realmFile, Path keyFile) {
}
