package org.mtb.support.security;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The trust boundary every service gets from the library, and the bad tokens issue 10 lists, each refused. Any body
 * is bounded by {@code mtb.web.max-body} first (RequestBoundsOnTomcatTests); here it is raised above the signed
 * request's own bound, which is what these tests are about.
 */
@WebMvcTest(controllers = ResourceServerTests.Guarded.class,
        properties = {"mtb.web.max-body=2MB", "mtb.security.signed-body-wait=100ms"})
@Import(ResourceServerTests.Guarded.class)
class ResourceServerTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    BodiesInMemory inMemory;

    @Test
    void aValidTokenReachesTheEndpointAndTheCallerComesFromIt() throws Exception {
        String token = TestTokens.token("reviewer-620900").roles(Role.REVIEWER).regions("620900")
                .claim("institution", "H1").claim("azp", "mtb-cli").sign();

        call("/guarded/reviewers", token).andExpect(status().isOk())
                .andExpect(jsonPath("$.subject").value("reviewer-620900"))
                .andExpect(jsonPath("$.client").value("mtb-cli"))
                .andExpect(jsonPath("$.roles[0]").value("REVIEWER"))
                .andExpect(jsonPath("$.regions[0]").value("620900"))
                .andExpect(jsonPath("$.institution").value("H1"))
                .andExpect(jsonPath("$.actsIn620900").value(true))
                .andExpect(jsonPath("$.actsIn659006").value(false));
    }

    @Test
    void noTokenIsRefusedWithItsCodeAndTheBearerChallenge() throws Exception {
        mvc.perform(get("/guarded/reviewers")).andExpect(status().isUnauthorized())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, org.hamcrest.Matchers.startsWith("Bearer")))
                .andExpect(jsonPath("$.code").value("TOKEN_MISSING"));
    }

    @Test
    void anExpiredTokenIsRefusedAsExpired() throws Exception {
        String expired = TestTokens.token("r").roles(Role.REVIEWER)
                .issuedAt(Instant.now().minus(Duration.ofHours(1)), Duration.ofMinutes(15)).sign();

        refused(expired, "TOKEN_EXPIRED");
    }

    @Test
    void aTokenForAnotherAudienceOrOfAnUnknownIssuerIsRefused() throws Exception {
        refused(TestTokens.token("r").roles(Role.REVIEWER).claim("aud", List.of("another-api")).sign(),
                "TOKEN_INVALID");
        refused(TestTokens.token("r").roles(Role.REVIEWER).claim("iss", "https://evil.example").sign(),
                "TOKEN_INVALID");
    }

    @Test
    void anUnsignedTokenAnHs256TokenKeyedWithThePublicKeyAndAForeignKeysTokenAreRefused() throws Exception {
        JWTClaimsSet claims = claims();
        refused(new PlainJWT(claims).serialize(), "TOKEN_INVALID");

        // The classic confusion attack: HMAC keyed with the issuer's public key, which anyone can read.
        String publicKey = TestTokens.class.getResource("test-issuer-public.jwks") != null
                ? new String(TestTokens.class.getResourceAsStream("test-issuer-public.jwks").readAllBytes(),
                        StandardCharsets.UTF_8)
                : "";
        SignedJWT hs256 = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        hs256.sign(new MACSigner(publicKey.getBytes(StandardCharsets.UTF_8)));
        refused(hs256.serialize(), "TOKEN_INVALID");

        RSAKey foreign = new RSAKeyGenerator(2048).keyID("test-issuer-1").generate();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("test-issuer-1").build(),
                claims);
        forged.sign(new RSASSASigner(foreign));
        refused(forged.serialize(), "TOKEN_INVALID");
        refused("not-a-jwt", "TOKEN_INVALID");
    }

    @Test
    void aRoleTheEndpointDoesNotAllowIsForbiddenWithItsCode() throws Exception {
        call("/guarded/reviewers", TestTokens.applicant("applicant-zhang", "11010519491231002X"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("ROLE_NOT_ALLOWED"));
    }

    @Test
    void healthIsOpenAndTheOtherActuatorEndpointsAreForOpsOnly() throws Exception {
        // The slice has no actuator endpoints: what counts is whether security let the request through (404) or not.
        mvc.perform(get("/actuator/health")).andExpect(status().isNotFound());
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
        call("/actuator/prometheus", TestTokens.staff(Role.REVIEWER, "r", "620900")).andExpect(status().isForbidden());
        call("/actuator/prometheus", TestTokens.ops()).andExpect(status().isNotFound());
    }

    @Test
    void aChannelsRequestIsSignedOnceAndItsBodyReachesTheControllerUnchanged() throws Exception {
        String token = TestTokens.channel(ChannelRequests.TIEMENGUAN, "659006");
        String body = "{\"regionCode\":\"659006\",\"note\":\"血友病\"}";
        Map<String, String> signed = ChannelRequests.signed(ChannelRequests.TIEMENGUAN, body);

        channelPost(token, body, signed).andExpect(status().isOk()).andExpect(content().string(body));
        channelPost(token, body, signed).andExpect(status().isUnauthorized())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("CHANNEL_NONCE_REPLAYED"));
        channelPost(token, body.replace("659006", "620900"), ChannelRequests.signed(ChannelRequests.TIEMENGUAN, body))
                .andExpect(status().isUnauthorized()).andExpect(jsonPath("$.code").value("CHANNEL_BODY_CHANGED"));
        channelPost(token, body, Map.of()).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("CHANNEL_SIGNATURE_MISSING"));
        channelPost(TestTokens.channel(ChannelRequests.JIUQUAN, "620900"), body, ChannelRequests.signed(
                ChannelRequests.TIEMENGUAN, body)).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("CHANNEL_UNKNOWN_PAASID"));
        mvc.perform(get("/guarded/reviewers").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(token)))
                .andExpect(status().isUnauthorized()).andExpect(jsonPath("$.code").value("CHANNEL_SIGNATURE_MISSING"));
    }

    @Test
    void aSignedRequestWithoutRoomForItsBodyIsAnsweredBusyUnreadAndTheSameRequestIsServedOnceThereIsRoom()
            throws Exception {
        String token = TestTokens.channel(ChannelRequests.TIEMENGUAN, "659006");
        String body = "{\"regionCode\":\"659006\"}";
        Map<String, String> signed = ChannelRequests.signed(ChannelRequests.TIEMENGUAN, body);
        int free = inMemory.free();

        org.assertj.core.api.Assertions.assertThat(inMemory.reserve(free)).as("all the room, held by others")
                .isTrue();
        try {
            channelPost(token, body, signed).andExpect(status().isServiceUnavailable())
                    .andExpect(header().string("Retry-After", "1"))
                    .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.code").value("SERVICE_BUSY"))
                    .andExpect(result -> org.assertj.core.api.Assertions.assertThat(
                            result.getRequest().getInputStream().read()).as("the body's first byte, still unread")
                            .isEqualTo('{'));
            mvc.perform(get("/guarded/reviewers").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(token)))
                    .andExpect(status().isUnauthorized()).andExpect(jsonPath("$.code")
                            .value("CHANNEL_SIGNATURE_MISSING")).andDo(result -> org.assertj.core.api.Assertions
                            .assertThat(inMemory.free()).as("a request without a body needs no room").isZero());
        } finally {
            inMemory.release(free);
        }
        channelPost(token, body, signed).andExpect(status().isOk()).andExpect(content().string(body));
        org.assertj.core.api.Assertions.assertThat(inMemory.free()).as("room given back after the request")
                .isEqualTo(free);
    }

    @Test
    void aSignedBodyLargerThanAllowedIsRefusedUnread() throws Exception {
        String token = TestTokens.channel(ChannelRequests.TIEMENGUAN, "659006");
        String body = "x".repeat(1_048_577);

        channelPost(token, body, ChannelRequests.signed(ChannelRequests.TIEMENGUAN, body))
                .andExpect(status().isContentTooLarge()).andExpect(jsonPath("$.code").value("CHANNEL_BODY_TOO_LARGE"))
                .andExpect(result -> org.assertj.core.api.Assertions.assertThat(
                        result.getRequest().getInputStream().read()).as("the body's first byte, still unread")
                        .isEqualTo('x'));
    }

    @Test
    void aChannelsSignedUploadReachesTheControllerAsItsPartsAndFields() throws Exception {
        String token = TestTokens.channel(ChannelRequests.TIEMENGUAN, "659006");
        byte[] file = new byte[300_000];
        new java.util.Random(7).nextBytes(file);
        byte[] body = ChannelRequests.multipart("扫描件.png", "image/png", file, Map.of("type", "ID_CARD",
                "regionCode", "659006"));
        var upload = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/guarded/upload")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(token))
                .contentType(ChannelRequests.MULTIPART_TYPE).content(body);
        ChannelRequests.signed(ChannelRequests.TIEMENGUAN, body).forEach(upload::header);

        mvc.perform(upload).andExpect(status().isOk()).andExpect(content().string(
                "ID_CARD 659006 file 扫描件.png image/png " + file.length + " " + ChannelSignatures.sha256Hex(file)));

        byte[] broken = java.util.Arrays.copyOf(body, body.length - 30);
        var truncated = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/guarded/upload")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(token))
                .contentType(ChannelRequests.MULTIPART_TYPE).content(broken);
        ChannelRequests.signed(ChannelRequests.TIEMENGUAN, broken).forEach(truncated::header);
        mvc.perform(truncated).andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("MULTIPART_INVALID"));

        var overridden = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/guarded/upload")
                .queryParam("type", "AGENT_ID_CARD").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(token))
                .contentType(ChannelRequests.MULTIPART_TYPE).content(body);
        ChannelRequests.signed(ChannelRequests.TIEMENGUAN, body).forEach(overridden::header);
        mvc.perform(overridden) // an unsigned query naming a signed field
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("MULTIPART_INVALID"));
    }

    @Test
    void otherCallersSendNoSignature() throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/guarded/echo")
                        .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(
                                TestTokens.applicant("applicant-zhang", "11010519491231002X")))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isOk()).andExpect(content().string("{}"));
    }

    private ResultActions channelPost(String token, String body, Map<String, String> signature) throws Exception {
        var request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/guarded/echo")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(token))
                .contentType(MediaType.APPLICATION_JSON).content(body.getBytes(StandardCharsets.UTF_8));
        signature.forEach(request::header);
        return mvc.perform(request);
    }

    private ResultActions call(String path, String token) throws Exception {
        return mvc.perform(get(path).header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(token)));
    }

    private void refused(String token, String code) throws Exception {
        call("/guarded/reviewers", token).andExpect(status().isUnauthorized())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE,
                        org.hamcrest.Matchers.startsWith("Bearer error=\"invalid_token\"")))
                .andExpect(jsonPath("$.code").value(code));
    }

    private static JWTClaimsSet claims() {
        return new JWTClaimsSet.Builder().subject("r").issuer(TestTokens.ISSUER).audience(TestTokens.AUDIENCE)
                .claim("roles", List.of("REVIEWER")).issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(600))).build();
    }

    @RestController
    static class Guarded {

        @org.springframework.web.bind.annotation.PostMapping("/guarded/echo")
        String echo(@org.springframework.web.bind.annotation.RequestBody String body) {
            return body;
        }

        @org.springframework.web.bind.annotation.PostMapping("/guarded/upload")
        String upload(@org.springframework.web.bind.annotation.RequestPart("file")
                org.springframework.web.multipart.MultipartFile file,
                @org.springframework.web.bind.annotation.RequestParam String type,
                @org.springframework.web.bind.annotation.RequestParam String regionCode) throws Exception {
            return type + " " + regionCode + " " + file.getName() + " " + file.getOriginalFilename() + " "
                    + file.getContentType() + " " + file.getSize() + " " + ChannelSignatures.sha256Hex(file.getBytes());
        }

        @GetMapping("/guarded/reviewers")
        @PreAuthorize("hasAnyRole('REVIEWER', 'SUPERVISOR')")
        Map<String, Object> reviewers(Caller caller) {
            return Map.of("subject", caller.subject(), "client", String.valueOf(caller.client()),
                    "roles", caller.roles(), "regions", caller.regions(),
                    "institution", String.valueOf(caller.institution()),
                    "actsIn620900", caller.actsIn("620900"), "actsIn659006", caller.actsIn("659006"));
        }
    }
}
