package org.mtb.auth;

import java.util.List;
import java.util.Optional;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * Puts into each access token what the realm's protocol mappers promise for its client: the audience instead of the
 * client id, the realm roles and the user attributes (regions, institution, the verified ID number), as Keycloak
 * does with the same realm file, plus {@code azp}, the client the token was issued to.
 */
final class AccessTokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    static final String AUTHORIZED_PARTY = "azp";

    private final Realm realm;

    AccessTokenClaims(Realm realm) {
        this.realm = realm;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
            return;
        }
        String clientId = context.getRegisteredClient().getClientId();
        Realm.Client client = realm.clients().get(clientId);
        if (client == null) {
            return;
        }
        JwtClaimsSet.Builder claims = context.getClaims();
        claims.audience(client.tokenClaims().audiences());
        claims.claim(AUTHORIZED_PARTY, clientId);
        account(context, clientId).ifPresent(account -> addAccountClaims(claims, client.tokenClaims(), account));
    }

    private Optional<Realm.Account> account(JwtEncodingContext context, String clientId) {
        if (PasswordGrantRequest.PASSWORD.equals(context.getAuthorizationGrantType())) {
            return realm.person(context.getPrincipal().getName());
        }
        return realm.serviceAccount(clientId);
    }

    private static void addAccountClaims(JwtClaimsSet.Builder claims, Realm.TokenClaims mapped,
            Realm.Account account) {
        if (mapped.rolesClaim() != null && !account.roles().isEmpty()) {
            claims.claim(mapped.rolesClaim(), account.roles());
        }
        for (Realm.AttributeClaim attribute : mapped.attributes()) {
            List<String> values = Realm.USERNAME.equals(attribute.attribute()) ? List.of(account.username())
                    : account.attributes().getOrDefault(attribute.attribute(), List.of());
            if (values.isEmpty()) {
                continue;
            }
            if (attribute.multivalued()) {
                claims.claim(attribute.claim(), values);
            } else {
                claims.claim(attribute.claim(), values.getFirst());
            }
        }
    }
}
