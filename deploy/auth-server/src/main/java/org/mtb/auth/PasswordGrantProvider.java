package org.mtb.auth;

import java.util.Set;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.ClaimAccessor;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContextHolder;
import org.springframework.security.oauth2.server.authorization.token.DefaultOAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;

/**
 * Issues an access token for a person's user name and password, to a client the realm allows the password grant.
 * A wrong password and an unknown user get the same {@code invalid_grant}, so user names cannot be probed.
 */
final class PasswordGrantProvider implements AuthenticationProvider {

    private final AuthenticationProvider users;
    private final OAuth2AuthorizationService authorizations;
    private final OAuth2TokenGenerator<? extends OAuth2Token> tokens;

    PasswordGrantProvider(AuthenticationProvider users, OAuth2AuthorizationService authorizations,
            OAuth2TokenGenerator<? extends OAuth2Token> tokens) {
        this.users = users;
        this.authorizations = authorizations;
        this.tokens = tokens;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        PasswordGrantRequest grant = (PasswordGrantRequest) authentication;
        if (!(grant.getPrincipal() instanceof OAuth2ClientAuthenticationToken client) || !client.isAuthenticated()
                || client.getRegisteredClient() == null) {
            throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_CLIENT);
        }
        RegisteredClient registered = client.getRegisteredClient();
        if (!registered.getAuthorizationGrantTypes().contains(PasswordGrantRequest.PASSWORD)) {
            throw new OAuth2AuthenticationException(OAuth2ErrorCodes.UNAUTHORIZED_CLIENT);
        }
        Authentication person = person(grant);
        DefaultOAuth2TokenContext context = DefaultOAuth2TokenContext.builder().registeredClient(registered)
                .principal(person).authorizationServerContext(AuthorizationServerContextHolder.getContext())
                .authorizedScopes(Set.of()).tokenType(OAuth2TokenType.ACCESS_TOKEN)
                .authorizationGrantType(PasswordGrantRequest.PASSWORD).authorizationGrant(grant).build();
        OAuth2Token generated = tokens.generate(context);
        if (generated == null) {
            throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.SERVER_ERROR,
                    "The token generator made no access token", null));
        }
        OAuth2AccessToken accessToken = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER,
                generated.getTokenValue(), generated.getIssuedAt(), generated.getExpiresAt(), Set.of());
        OAuth2Authorization.Builder authorization = OAuth2Authorization.withRegisteredClient(registered)
                .principalName(person.getName()).authorizationGrantType(PasswordGrantRequest.PASSWORD);
        if (generated instanceof ClaimAccessor claims) {
            authorization.token(accessToken, metadata -> metadata.put(
                    OAuth2Authorization.Token.CLAIMS_METADATA_NAME, claims.getClaims()));
        } else {
            authorization.accessToken(accessToken);
        }
        authorizations.save(authorization.build());
        return new OAuth2AccessTokenAuthenticationToken(registered, client, accessToken);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return PasswordGrantRequest.class.isAssignableFrom(authentication);
    }

    private Authentication person(PasswordGrantRequest grant) {
        try {
            Authentication person = users.authenticate(
                    UsernamePasswordAuthenticationToken.unauthenticated(grant.username(), grant.password()));
            if (person != null && person.isAuthenticated()) {
                return person;
            }
        } catch (AuthenticationException wrongUserOrPassword) {
            // Answered below, the same for every cause.
        }
        throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT,
                "Wrong user name or password", null));
    }
}
