package org.mtb.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest
@AutoConfigureMockMvc
class AuthServerTests {

    private static final String ISSUER = "http://localhost:8085";
    private static final String TOKEN = "/realms/mtb/protocol/openid-connect/token";
    private static final String JWKS = "/realms/mtb/protocol/openid-connect/certs";

    @Autowired
    MockMvc mvc;

    @DynamicPropertySource
    static void keyFile(DynamicPropertyRegistry registry) throws Exception {
        Path dir = Files.createTempDirectory("auth-server-tests");
        registry.add("mtb.auth.key-file", () -> dir.resolve("signing-key.jwk").toString());
        registry.add("mtb.auth.issuer", () -> ISSUER);
    }

    @Test
    void aChannelGetsATokenForItselfWithTheAudienceItsRoleAndItsRegion() throws Exception {
        Jwt token = token(post(TOKEN).header(HttpHeaders.AUTHORIZATION, basic("gs-jiuquan-platform",
                "gs-jiuquan-dev-secret")).param("grant_type", "client_credentials"));

        assertThat(token.getIssuer()).hasToString(ISSUER);
        assertThat(token.getAudience()).containsExactly("mtb-api");
        assertThat(token.getSubject()).isEqualTo("gs-jiuquan-platform");
        assertThat(token.getClaimAsString("azp")).isEqualTo("gs-jiuquan-platform");
        assertThat(token.getClaimAsStringList("roles")).containsExactly("CHANNEL");
        assertThat(token.getClaimAsStringList("regions")).containsExactly("620900");
        assertThat(Duration.between(token.getIssuedAt(), token.getExpiresAt())).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void aPersonGetsATokenWithTheirPasswordThroughTheDevelopmentClientCarryingTheirVerifiedIdentity()
            throws Exception {
        Jwt applicant = token(password("applicant-zhang", "dev-password"));
        Jwt reviewer = token(password("reviewer-520200-hospital", "dev-password"));

        assertThat(applicant.getSubject()).isEqualTo("applicant-zhang");
        assertThat(applicant.getClaimAsStringList("roles")).containsExactly("APPLICANT");
        assertThat(applicant.getClaimAsString("id_number")).isEqualTo("11010519491231002X");
        assertThat(applicant.hasClaim("regions")).isFalse();
        assertThat(reviewer.getClaimAsStringList("regions")).containsExactly("520200");
        assertThat(reviewer.getClaimAsString("institution")).isEqualTo("H52020200001");
        assertThat(reviewer.getClaimAsString("preferred_username")).isEqualTo("reviewer-520200-hospital");
    }

    @Test
    void aWrongPasswordAndAnUnknownUserGetTheSameAnswer() throws Exception {
        String wrongPassword = mvc.perform(password("reviewer-620900", "not-the-password"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value("invalid_grant"))
                .andReturn().getResponse().getContentAsString();
        String unknownUser = mvc.perform(password("nobody", "dev-password")).andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString();

        assertThat(unknownUser).isEqualTo(wrongPassword);
    }

    @Test
    void aChannelMayNotUseThePasswordGrantNorAWrongSecret() throws Exception {
        mvc.perform(post(TOKEN).header(HttpHeaders.AUTHORIZATION, basic("gs-jiuquan-platform",
                        "gs-jiuquan-dev-secret")).param("grant_type", "password").param("username", "ops")
                        .param("password", "dev-password"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value("unauthorized_client"));
        mvc.perform(post(TOKEN).header(HttpHeaders.AUTHORIZATION, basic("gs-jiuquan-platform", "guess"))
                        .param("grant_type", "client_credentials"))
                .andExpect(status().isUnauthorized()).andExpect(jsonPath("$.error").value("invalid_client"));
    }

    @Test
    void healthIsOpenAndNothingElseButTheProtocolEndpoints() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
        mvc.perform(get("/.well-known/oauth-authorization-server")).andExpect(status().isOk())
                .andExpect(jsonPath("$.issuer").value(ISSUER))
                .andExpect(jsonPath("$.jwks_uri").value(ISSUER + JWKS));
        mvc.perform(get("/actuator/env")).andExpect(status().isUnauthorized());
        mvc.perform(get("/somewhere")).andExpect(status().isUnauthorized());
    }

    /** Obtains a token and checks its signature against the published JWK set, as a resource server does. */
    private Jwt token(MockHttpServletRequestBuilder request) throws Exception {
        String answer = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        String accessToken = JsonMapper.builder().build().readTree(answer).path("access_token").asString();
        String jwks = mvc.perform(get(JWKS)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        RSAKey key = (RSAKey) JWKSet.parse(jwks).getKeys().getFirst();
        assertThat(key.isPrivate()).as("the published key holds no private part").isFalse();
        return NimbusJwtDecoder.withPublicKey(key.toRSAPublicKey()).build().decode(accessToken);
    }

    private static MockHttpServletRequestBuilder password(String username, String password) {
        return post(TOKEN).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("grant_type", "password").param("client_id", "mtb-cli")
                .param("client_secret", "mtb-cli-dev-secret").param("username", username).param("password", password);
    }

    private static String basic(String clientId, String secret) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes());
    }
}
