package org.mtb.auth;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The token endpoint (client credentials and, for clients the realm allows, the password grant), the JWK set and the
 * server metadata ({@code /.well-known/oauth-authorization-server}); every other path but health is refused.
 * Endpoint paths are Keycloak's ({@link #authorizationServerSettings}). Clients,
 * users and claims come from the realm file ({@link Realm}).
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfiguration {

    /** Authorizations kept for revocation and introspection; see {@link BoundedAuthorizations}. */
    private static final int AUTHORIZATIONS_KEPT = 10_000;

    @Bean
    Realm realm(AuthServerProperties properties) {
        return Realm.read(properties.realmFile());
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    RegisteredClientRepository registeredClients(Realm realm, PasswordEncoder passwords) {
        List<RegisteredClient> clients = new ArrayList<>();
        TokenSettings tokens = TokenSettings.builder().accessTokenTimeToLive(realm.accessTokenLifespan()).build();
        for (Realm.Client client : realm.clients().values()) {
            if (client.secret() == null || !client.passwordGrant() && !client.clientCredentials()) {
                continue; // a public client would need the authorization code flow, which this server does not offer
            }
            RegisteredClient.Builder registered = RegisteredClient.withId(client.clientId())
                    .clientId(client.clientId()).clientSecret(passwords.encode(client.secret()))
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST).tokenSettings(tokens);
            if (client.clientCredentials()) {
                registered.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS);
            }
            if (client.passwordGrant()) {
                registered.authorizationGrantType(PasswordGrantRequest.PASSWORD);
            }
            clients.add(registered.build());
        }
        return new InMemoryRegisteredClientRepository(clients);
    }

    @Bean
    UserDetailsService people(Realm realm, PasswordEncoder passwords) {
        List<UserDetails> people = new ArrayList<>();
        for (Realm.Account account : realm.accounts()) {
            if (account.serviceAccountClientId() == null && account.password() != null) {
                people.add(User.withUsername(account.username()).password(passwords.encode(account.password()))
                        .roles(account.roles().toArray(String[]::new)).build());
            }
        }
        return new InMemoryUserDetailsManager(people);
    }

    @Bean
    JWKSource<SecurityContext> signingKeys(AuthServerProperties properties) {
        return new ImmutableJWKSet<>(new JWKSet(SigningKey.loadOrCreate(properties.keyFile())));
    }

    /**
     * The token and key endpoints at Keycloak's paths for the realm, so that a client (and the README's curl) gets a
     * token from {@code /realms/mtb/protocol/openid-connect/token} from either server; only the issuer differs.
     */
    @Bean
    AuthorizationServerSettings authorizationServerSettings(AuthServerProperties properties, Realm realm) {
        String realmPath = "/realms/" + realm.name() + "/protocol/openid-connect";
        return AuthorizationServerSettings.builder().issuer(properties.issuer())
                .tokenEndpoint(realmPath + "/token").jwkSetEndpoint(realmPath + "/certs")
                .tokenRevocationEndpoint(realmPath + "/revoke").tokenIntrospectionEndpoint(realmPath + "/token/introspect")
                .build();
    }

    @Bean
    OAuth2AuthorizationService authorizations() {
        return new BoundedAuthorizations(AUTHORIZATIONS_KEPT);
    }

    @Bean
    JwtGenerator accessTokens(JWKSource<SecurityContext> signingKeys, Realm realm) {
        JwtGenerator generator = new JwtGenerator(new NimbusJwtEncoder(signingKeys));
        generator.setJwtCustomizer(new AccessTokenClaims(realm));
        return generator;
    }

    @Bean
    SecurityFilterChain authorizationServer(HttpSecurity http, UserDetailsService people, PasswordEncoder passwords,
            OAuth2AuthorizationService authorizations, JwtGenerator accessTokens) {
        DaoAuthenticationProvider users = new DaoAuthenticationProvider(people);
        users.setPasswordEncoder(passwords);
        PasswordGrantProvider passwordGrant = new PasswordGrantProvider(users, authorizations, accessTokens);
        OAuth2AuthorizationServerConfigurer server = new OAuth2AuthorizationServerConfigurer();
        http.with(server, configurer -> configurer.authorizationService(authorizations).tokenGenerator(accessTokens)
                        .tokenEndpoint(token -> token.accessTokenRequestConverter(new PasswordGrantRequests())
                                .authenticationProvider(passwordGrant)))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        // The token endpoint runs after this check, with the client authenticated by then.
                        .requestMatchers(server.getEndpointsMatcher()).authenticated()
                        .anyRequest().denyAll())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.ignoringRequestMatchers(server.getEndpointsMatcher()));
        return http.build();
    }
}
