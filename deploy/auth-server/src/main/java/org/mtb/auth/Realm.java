package org.mtb.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The parts of a Keycloak realm file ({@code deploy/keycloak/mtb-realm.json}) this server honours, so that the embedded
 * stack and compose's Keycloak issue tokens to the same clients and users with the same claims.
 *
 * <p>Honoured: the access token lifespan; clients (secret, the password grant as {@code directAccessGrantsEnabled},
 * client credentials as {@code serviceAccountsEnabled}, their default client scopes); users and service-account users
 * (password credential, realm roles, attributes); and these protocol mapper types in client scopes: the audience, the
 * subject, the realm roles, user attributes and the user name. Anything else a realm file may hold is ignored, except a mapper type this server
 * cannot honour, which stops it: a token without a claim the realm promises would fail later and far from the cause.
 *
 * @param name                the realm's name
 * @param accessTokenLifespan how long an access token is valid
 * @param clients             clients by client id
 * @param accounts            users, including service accounts
 */
record Realm(String name, Duration accessTokenLifespan, Map<String, Client> clients, List<Account> accounts) {

    private static final Duration KEYCLOAK_DEFAULT_LIFESPAN = Duration.ofMinutes(5);
    /** The user property a property mapper may name; held as a pseudo-attribute of every account. */
    static final String USERNAME = "username";

    /**
     * A client of the realm.
     *
     * @param clientId          the client id; for a channel, also its {@code x-tif-paasid}
     * @param secret            the client secret; null for a public client
     * @param passwordGrant     whether users may get tokens with their password through this client
     * @param clientCredentials whether the client gets tokens for itself (its service account)
     * @param tokenClaims       the claims its access tokens carry
     */
    record Client(String clientId, @Nullable String secret, boolean passwordGrant, boolean clientCredentials,
            TokenClaims tokenClaims) {
    }

    /**
     * A user, or the service account of a client.
     *
     * @param username                the user name; the subject of the user's tokens
     * @param password                the password credential; null for a service account
     * @param serviceAccountClientId  the client whose service account this is; null for a person
     * @param roles                   realm roles
     * @param attributes              attributes such as {@code regions}, {@code institution}, {@code id_number}
     */
    record Account(String username, @Nullable String password, @Nullable String serviceAccountClientId,
            List<String> roles, Map<String, List<String>> attributes) {
    }

    /**
     * What the protocol mappers of a client's scopes add to an access token.
     *
     * @param audiences     the {@code aud} values
     * @param rolesClaim    the claim the realm roles go to; null when no scope maps them
     * @param attributes    user attribute mappings, in mapper order
     */
    record TokenClaims(List<String> audiences, @Nullable String rolesClaim, List<AttributeClaim> attributes) {
    }

    /**
     * A user attribute copied into a claim.
     *
     * @param attribute   the user attribute
     * @param claim       the claim name
     * @param multivalued a list of every value rather than the first value
     */
    record AttributeClaim(String attribute, String claim, boolean multivalued) {
    }

    static Realm read(Resource file) {
        try (InputStream in = file.getInputStream()) {
            return parse(JsonMapper.builder().build().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the realm file " + file, e);
        }
    }

    static Realm parse(JsonNode realm) {
        Map<String, TokenClaims> scopes = new LinkedHashMap<>();
        for (JsonNode scope : realm.path("clientScopes")) {
            scopes.put(scope.path("name").asString(), scopeClaims(scope));
        }
        Map<String, Client> clients = new LinkedHashMap<>();
        for (JsonNode client : realm.path("clients")) {
            if (!client.path("enabled").asBoolean(true)) {
                continue;
            }
            String id = client.path("clientId").asString();
            boolean isPublic = client.path("publicClient").asBoolean(false);
            clients.put(id, new Client(id, isPublic ? null : client.path("secret").asString(null),
                    client.path("directAccessGrantsEnabled").asBoolean(false),
                    client.path("serviceAccountsEnabled").asBoolean(false),
                    merged(id, client.path("defaultClientScopes"), scopes)));
        }
        List<Account> accounts = new ArrayList<>();
        for (JsonNode user : realm.path("users")) {
            if (user.path("enabled").asBoolean(true)) {
                accounts.add(account(user));
            }
        }
        JsonNode lifespan = realm.path("accessTokenLifespan");
        return new Realm(realm.path("realm").asString(),
                lifespan.isNumber() ? Duration.ofSeconds(lifespan.asLong()) : KEYCLOAK_DEFAULT_LIFESPAN, clients,
                List.copyOf(accounts));
    }

    Optional<Account> person(String username) {
        return accounts.stream().filter(a -> a.serviceAccountClientId() == null && a.username().equals(username))
                .findFirst();
    }

    Optional<Account> serviceAccount(String clientId) {
        return accounts.stream().filter(a -> clientId.equals(a.serviceAccountClientId())).findFirst();
    }

    private static Account account(JsonNode user) {
        String password = null;
        for (JsonNode credential : user.path("credentials")) {
            if ("password".equals(credential.path("type").asString())) {
                password = credential.path("value").asString();
            }
        }
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> attribute : user.path("attributes").properties()) {
            attributes.put(attribute.getKey(), strings(attribute.getValue()));
        }
        String serviceAccountOf = user.path("serviceAccountClientId").asString(null);
        return new Account(user.path("username").asString(), password, serviceAccountOf,
                strings(user.path("realmRoles")), attributes);
    }

    private static TokenClaims scopeClaims(JsonNode scope) {
        List<String> audiences = new ArrayList<>();
        String rolesClaim = null;
        List<AttributeClaim> attributes = new ArrayList<>();
        for (JsonNode mapper : scope.path("protocolMappers")) {
            JsonNode config = mapper.path("config");
            if (!config.path("access.token.claim").asBoolean(true)) {
                continue;
            }
            String type = mapper.path("protocolMapper").asString();
            switch (type) {
                case "oidc-audience-mapper" -> audiences.add(config.path("included.custom.audience").asString());
                case "oidc-usermodel-realm-role-mapper" -> rolesClaim = config.path("claim.name").asString();
                case "oidc-usermodel-attribute-mapper" -> attributes.add(new AttributeClaim(
                        config.path("user.attribute").asString(), config.path("claim.name").asString(),
                        config.path("multivalued").asBoolean(false)));
                case "oidc-sub-mapper" -> {
                    // The subject is always set: the user name, or the client id for a service account.
                }
                case "oidc-usermodel-property-mapper" -> attributes.add(usernameClaim(scope, config));
                default -> throw new IllegalArgumentException("Client scope '" + scope.path("name").asString()
                        + "' has a protocol mapper of type '" + type + "', which this authorization server does not"
                        + " honour; it honours oidc-audience-mapper, oidc-usermodel-realm-role-mapper and"
                        + " oidc-usermodel-attribute-mapper");
            }
        }
        return new TokenClaims(List.copyOf(audiences), rolesClaim, List.copyOf(attributes));
    }

    private static AttributeClaim usernameClaim(JsonNode scope, JsonNode config) {
        String property = config.path("user.attribute").asString();
        if (!USERNAME.equals(property)) {
            throw new IllegalArgumentException("Client scope '" + scope.path("name").asString() + "' maps the user"
                    + " property '" + property + "'; this authorization server maps only the property 'username'");
        }
        return new AttributeClaim(USERNAME, config.path("claim.name").asString(), false);
    }

    private static TokenClaims merged(String clientId, JsonNode scopeNames, Map<String, TokenClaims> scopes) {
        List<String> audiences = new ArrayList<>();
        String rolesClaim = null;
        List<AttributeClaim> attributes = new ArrayList<>();
        for (String name : strings(scopeNames)) {
            TokenClaims scope = scopes.get(name);
            if (scope == null) {
                throw new IllegalArgumentException("Client '" + clientId + "' names the client scope '" + name
                        + "', which the realm file does not define");
            }
            audiences.addAll(scope.audiences());
            rolesClaim = scope.rolesClaim() != null ? scope.rolesClaim() : rolesClaim;
            attributes.addAll(scope.attributes());
        }
        return new TokenClaims(List.copyOf(audiences), rolesClaim, List.copyOf(attributes));
    }

    private static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            node.values().forEach(value -> values.add(value.asString()));
        } else if (!node.isMissingNode() && !node.isNull()) {
            values.add(node.asString());
        }
        return List.copyOf(values);
    }
}
