package org.mtb.support.security;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * Which tokens a service accepts ({@code mtb.security.*}; {@code MTB_SECURITY_ISSUER} and its likes in the
 * environment). The service knows nothing else of the authorization server.
 *
 * @param issuer          the exact {@code iss} a token must carry
 * @param jwksUri         where the issuer publishes the keys that sign its tokens
 * @param jwkSetLocation  a file holding the issuer's public keys instead of {@code jwksUri}, for a deployment with
 *                        fixed keys and for tests; null to fetch them from {@code jwksUri}
 * @param audience        a value the token's {@code aud} must hold
 * @param channelSecrets  the channels' signing secrets ({@link ChannelSecrets}); without it no channel request is
 *                        accepted
 * @param signatureWindow how far a signed request's timestamp may be from the server's clock
 * @param signedBodyMax   the largest body of a signed request, in bytes
 * @param signedUploadMax the largest body of a signed multipart upload (a material's file and its fields), in bytes;
 *                        held in memory while the signature is checked, so keep it near the largest file a region's
 *                        policy allows (5 MB today)
 * @param signedBodiesInMemory the bytes of signed bodies held in memory at once, over all requests
 *                        ({@link BodiesInMemory}); at least {@code signedUploadMax} and {@code signedBodyMax}
 * @param signedBodyWait  how long a signed request waits for room for its body before it is answered 503
 * @param publicReads     paths (Ant-style patterns) anybody may GET without a token: what a bureau publishes anyway,
 *                        such as the open public notice (公示) list; none by default
 */
@ConfigurationProperties("mtb.security")
public record SecurityProperties(
        @DefaultValue("http://localhost:8085") String issuer,
        @DefaultValue("http://127.0.0.1:8085/realms/mtb/protocol/openid-connect/certs") String jwksUri,
        @Nullable Resource jwkSetLocation,
        @DefaultValue("mtb-api") String audience,
        @Nullable Resource channelSecrets,
        @DefaultValue("5m") Duration signatureWindow,
        @DefaultValue("1048576") int signedBodyMax,
        @DefaultValue("6291456") int signedUploadMax,
        @DefaultValue("25165824") int signedBodiesInMemory,
        @DefaultValue("5s") Duration signedBodyWait,
        @DefaultValue("") List<String> publicReads) {

    public SecurityProperties {
        publicReads = publicReads == null ? List.of() : publicReads.stream().filter(p -> !p.isBlank()).toList();
    }
}
