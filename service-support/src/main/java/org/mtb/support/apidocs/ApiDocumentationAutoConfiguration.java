package org.mtb.support.apidocs;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The service's OpenAPI document: its name, and the two ways a request is let in. Every endpoint takes a bearer
 * token; a channel's request is signed besides, with the five {@code x-tif-*} headers, whose computation the
 * document spells out (docs/security.md has the same text).
 */
@AutoConfiguration
@ConditionalOnClass(OpenAPI.class)
public class ApiDocumentationAutoConfiguration {

    static final String BEARER = "bearer";
    static final List<String> CHANNEL_HEADERS = List.of("x-tif-paasid", "x-tif-timestamp", "x-tif-nonce",
            "x-tif-body-sha256", "x-tif-signature");

    private static final String SIGNATURE = """
            Lower-case hex SHA-256 of timestamp + secret + nonce + bodySha256 + timestamp, where timestamp is \
            x-tif-timestamp (Unix seconds, at most 5 minutes off the server's clock), secret the channel's signing \
            secret (one of two during a rotation), nonce x-tif-nonce (16 to 64 characters of A-Z a-z 0-9 _ -, never \
            twice) and bodySha256 x-tif-body-sha256 (lower-case hex SHA-256 of the exact body bytes; of the empty \
            body for a GET). The national TIF gateway's scheme, with the body digest added so that a body changed \
            in transit fails.""";

    @Bean
    @ConditionalOnMissingBean
    OpenAPI serviceApi(Environment environment) {
        String service = environment.getProperty("spring.application.name", "service");
        Components components = new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                .description("An access token (RS256 JWT) of the platform's authorization server, audience mtb-api: "
                        + "roles, regions and the verified identity come from it (docs/security.md)"));
        for (String header : CHANNEL_HEADERS) {
            components.addSecuritySchemes(header, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                    .in(SecurityScheme.In.HEADER).name(header).description(describe(header)));
        }
        SecurityRequirement channel = new SecurityRequirement().addList(BEARER);
        CHANNEL_HEADERS.forEach(channel::addList);
        return new OpenAPI().info(new Info().title(service).version("v1")
                        .description("门诊慢特病 qualification platform: " + service + ". Every answer but 2xx is "
                                + "application/problem+json with a stable code (docs/errors.md)."))
                .components(components)
                .security(List.of(new SecurityRequirement().addList(BEARER), channel));
    }

    private static String describe(String header) {
        return switch (header) {
            case "x-tif-paasid" -> "A channel's requests only: the channel, the client its token was issued to";
            case "x-tif-timestamp" -> "A channel's requests only: Unix time in seconds";
            case "x-tif-nonce" -> "A channel's requests only: 16 to 64 characters of A-Z a-z 0-9 _ -, never twice";
            case "x-tif-body-sha256" -> "A channel's requests only: lower-case hex SHA-256 of the exact body bytes";
            default -> "A channel's requests only. " + SIGNATURE;
        };
    }
}
