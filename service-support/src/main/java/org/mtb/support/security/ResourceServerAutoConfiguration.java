package org.mtb.support.security;

import com.nimbusds.jose.JOSEException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.mtb.support.scheduling.DedicatedLoop;
import org.mtb.support.web.Problems;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.Resource;
import org.springframework.data.mongodb.core.MongoTemplate;
import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Makes a servlet service an OAuth2 resource server. A request needs a bearer JWT signed with RS256 by a key of the
 * issuer, with the configured issuer and audience and within its validity; {@code alg: none}, an HS256 token and any
 * other algorithm are refused. The token's {@code roles} become {@code ROLE_*} authorities for {@code @PreAuthorize}
 * on controllers; {@link Caller} gives the rest. The OpenAPI document and Swagger UI are open too. A channel's request
 * must also be signed ({@link ChannelSignatures}), and every caller keeps within its requests a second
 * ({@link CallerRateLimits}). Health stays open, its statuses without what stands behind them; its group {@code ops}
 * with those details, and every other actuator endpoint, Prometheus's included, needs {@link Role#OPS}. No sessions, no
 * anonymous caller and no CSRF: nothing is remembered between requests, and a request without a token is refused
 * before it reaches a controller.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet"
                + ".OAuth2ResourceServerAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties({SecurityProperties.class, RateLimitProperties.class})
@EnableWebSecurity
@EnableMethodSecurity
public class ResourceServerAutoConfiguration {

    /** Verified tokens remembered ({@link VerifiedTokens}): each about 2 KB, so a few MB at most. */
    static final int VERIFIED_TOKENS_KEPT = 2_048;

    @Bean
    @ConditionalOnMissingBean
    JwtDecoder accessTokenDecoder(SecurityProperties properties) {
        NimbusJwtDecoder decoder = properties.jwkSetLocation() != null
                ? NimbusJwtDecoder.withPublicKey(publicKey(properties.jwkSetLocation()))
                        .signatureAlgorithm(SignatureAlgorithm.RS256).build()
                : NimbusJwtDecoder.withJwkSetUri(properties.jwksUri()).jwsAlgorithm(SignatureAlgorithm.RS256).build();
        decoder.setJwtValidator(validator(properties));
        return new VerifiedTokens(decoder, VERIFIED_TOKENS_KEPT);
    }

    /** Spring Security's firewall as it is, with its checks of header and parameter names and values in loops. */
    @Bean
    @ConditionalOnMissingBean
    HttpFirewall httpFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(HeaderCharacters.NAME);
        firewall.setAllowedHeaderValues(HeaderCharacters.VALUE);
        firewall.setAllowedParameterNames(HeaderCharacters.NAME);
        return firewall;
    }

    /**
     * What the firewall refuses (a {@code ;}, {@code //} or {@code ..} in the path, a header value of characters no
     * client sends) as 400 {@code REQUEST_REJECTED}; without it the refusal went to the error page unauthenticated
     * and came back as a puzzling 401. Never repeats the path, which may hold an ID number.
     */
    @Bean
    @ConditionalOnMissingBean
    RequestRejectedHandler requestRejected(ObjectProvider<MeterRegistry> meters) {
        Counter refused = meters.getIfAvailable(SimpleMeterRegistry::new).counter(Problems.REFUSED_METRIC,
                "code", SecurityProblems.REQUEST_REJECTED);
        return (request, response, rejected) -> {
            refused.increment();
            Problems.write(response, SecurityProblems.rejected());
        };
    }

    @Bean
    @ConditionalOnMissingBean
    BearerTokenResolver bearerTokens() {
        return new AuthorizationHeaderTokens();
    }

    @Bean
    ChannelSignatures channelSignatures(SecurityProperties properties) {
        return new ChannelSignatures(ChannelSecrets.read(properties.channelSecrets()), properties.signatureWindow());
    }

    @Bean
    SeenNonces seenNonces(ObjectProvider<MongoTemplate> mongo, ObjectProvider<Clock> clock,
            SecurityProperties properties) {
        return new SeenNonces(mongo.getIfAvailable(), clock.getIfAvailable(Clock::systemUTC),
                properties.signatureWindow());
    }

    /** Forgets the nonces whose window has passed, every minute. */
    @Bean
    DedicatedLoop seenNoncesCleanup(SeenNonces nonces, ObjectProvider<Clock> clock) {
        Clock time = clock.getIfAvailable(Clock::systemUTC);
        return new DedicatedLoop("channel-nonces-cleanup", Duration.ofMinutes(1), Duration.ofMinutes(1),
                () -> nonces.removeExpired(time.instant()));
    }

    /** The bound on signed bodies held in memory at once; see {@link BodiesInMemory}. */
    @Bean
    BodiesInMemory signedBodiesInMemory(SecurityProperties properties) {
        return new BodiesInMemory(properties.signedBodiesInMemory(), properties.signedBodyWait(),
                Math.max(properties.signedBodyMax(), properties.signedUploadMax()) + 1);
    }

    @Bean
    @ConditionalOnMissingBean
    SecurityFilterChain resourceServer(HttpSecurity http, SecurityProperties properties,
            RateLimitProperties rateLimits, ChannelSignatures signatures, SeenNonces nonces,
            BodiesInMemory inMemory, ObjectProvider<Clock> clock, ObjectProvider<MeterRegistry> meters) {
        SecurityProblems problems = new SecurityProblems();
        MeterRegistry registry = meters.getIfAvailable(SimpleMeterRegistry::new);
        ChannelSignatureFilter channels = new ChannelSignatureFilter(signatures, nonces,
                clock.getIfAvailable(Clock::systemUTC), properties.signedBodyMax(), properties.signedUploadMax(),
                inMemory, registry);
        CallerRateLimits limits = new CallerRateLimits(rateLimits, registry);
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName("roles");
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter tokens = new JwtAuthenticationConverter();
        tokens.setJwtGrantedAuthoritiesConverter(roles);
        http.authorizeHttpRequests(requests -> requests
                        // The services' health group with the details behind each status (service-defaults.yml).
                        .requestMatchers("/actuator/health/ops", "/actuator/health/ops/**").hasRole(Role.OPS.name())
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        // The API's description, as a bureau publishes its interface specification: no data.
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                        .permitAll()
                        .requestMatchers(publicReads(properties)).permitAll()
                        .requestMatchers("/actuator/**").hasRole(Role.OPS.name())
                        .anyRequest().authenticated())
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(tokens))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(refusals -> refusals.authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                // Nothing is kept between requests: the context lives in the request only, no session is made.
                .securityContext(context -> context
                        .securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .sessionManagement(sessions -> sessions.disable())
                .anonymous(anonymous -> anonymous.disable())
                .servletApi(servletApi -> servletApi.disable())
                .csrf(csrf -> csrf.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                // The limit first: a channel over its limit costs no signature check and no nonce write.
                .addFilterAfter(limits, BearerTokenAuthenticationFilter.class)
                .addFilterAfter(channels, CallerRateLimits.class);
        return http.build();
    }

    /**
     * No observation (timer and trace) per security filter, authentication and authorization: the request as a whole
     * is still timed ({@code http_server_requests}). A profile of intake under load found the security filter chain,
     * wrapped in an observation per filter, taking about a third of intake's CPU.
     */
    @Bean
    @ConditionalOnMissingBean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    WebMvcConfigurer callerArguments() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CallerArguments());
            }
        };
    }

    /** Expiry and not-before (60 s of clock skew), the exact issuer, and the audience among {@code aud}. */
    static OAuth2TokenValidator<Jwt> validator(SecurityProperties properties) {
        OAuth2TokenValidator<Jwt> audience = new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                aud -> aud != null && aud.contains(properties.audience()));
        return new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(properties.issuer()),
                audience);
    }

    private static java.security.interfaces.RSAPublicKey publicKey(Resource location) {
        try (InputStream in = location.getInputStream()) {
            JWK key = JWKSet.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getKeys().getFirst();
            return key.toRSAKey().toRSAPublicKey();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the issuer's keys from " + location, e);
        } catch (ParseException | JOSEException | RuntimeException e) {
            throw new IllegalStateException(location + " holds no RSA public key in a JWK set", e);
        }
    }

    /** The GETs anybody may send without a token ({@code mtb.security.public-reads}); none when it names none. */
    private static RequestMatcher publicReads(SecurityProperties properties) {
        List<RequestMatcher> reads = properties.publicReads().stream()
                .map(pattern -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, pattern))
                .toList();
        return reads.isEmpty() ? request -> false : new OrRequestMatcher(reads);
    }
}
