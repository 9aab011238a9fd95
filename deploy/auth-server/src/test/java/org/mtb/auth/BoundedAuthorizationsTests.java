package org.mtb.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

class BoundedAuthorizationsTests {

    private static final RegisteredClient CLIENT = RegisteredClient.withId("c").clientId("c").clientSecret("s")
            .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
            .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS).build();

    @Test
    void keepsTheNewestAuthorizationsUpToItsBoundAndFindsThemByToken() {
        BoundedAuthorizations authorizations = new BoundedAuthorizations(2);
        for (String token : new String[] {"one", "two", "three"}) {
            authorizations.save(authorization(token));
        }

        assertThat(authorizations.size()).isEqualTo(2);
        assertThat(authorizations.findById("id-one")).isNull();
        assertThat(authorizations.findByToken("three", OAuth2TokenType.ACCESS_TOKEN)).isNotNull();
        assertThat(authorizations.findByToken("two", null)).isNotNull();
        assertThat(authorizations.findByToken("two", OAuth2TokenType.REFRESH_TOKEN)).isNull();
        authorizations.remove(authorizations.findById("id-two"));
        assertThat(authorizations.findByToken("two", null)).isNull();
    }

    private static OAuth2Authorization authorization(String token) {
        return OAuth2Authorization.withRegisteredClient(CLIENT).id("id-" + token).principalName("c")
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .accessToken(new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, token, Instant.now(),
                        Instant.now().plusSeconds(60)))
                .build();
    }
}
