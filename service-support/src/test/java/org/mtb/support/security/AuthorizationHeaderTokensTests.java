package org.mtb.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/** The token read from the header as Spring Security's own resolver reads it, and refused where it refuses. */
class AuthorizationHeaderTokensTests {

    private static final List<String> HEADERS = Arrays.asList(null, "", "Bearer", "Bearer ", "bearer",
            "Bearer abc", "bearer abc", "BEARER abc", "BeArEr abc", "Bearer  abc", "Bearer\tabc", "Bearerabc",
            "Bearer a.b-c_d~e+f/g", "Bearer abc=", "Bearer abc==", "Bearer =", "Bearer ==abc", "Bearer abc=d",
            "Bearer abc def", "Bearer abc\n", "Bearer abc ", " Bearer abc", "Bearer é", "Bearer abc,def",
            "Basic dXNlcjpwYXNz", "Bearer " + "x".repeat(4_000) + "=", "bearer-token abc", "Bearer%20abc",
            "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhcHBsaWNhbnQtemhhbmcifQ.c2lnbmF0dXJl");

    @Test
    void everyHeaderIsReadOrRefusedAsTheDefaultResolverDoes() {
        for (String header : HEADERS) {
            assertThat(outcome(new AuthorizationHeaderTokens(), header))
                    .as("Authorization: %s", header)
                    .isEqualTo(outcome(new DefaultBearerTokenResolver(), header));
        }
    }

    @Test
    void aWellFormedTokenIsReadAndAMalformedOneRefused() {
        assertThat(outcome(new AuthorizationHeaderTokens(), "Bearer abc==")).isEqualTo("token abc==");
        assertThat(outcome(new AuthorizationHeaderTokens(), "Bearer abc def"))
                .isEqualTo("refused invalid_token Bearer token is malformed");
        assertThat(outcome(new AuthorizationHeaderTokens(), null)).isEqualTo("token null");
    }

    private static String outcome(BearerTokenResolver resolver, String header) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/applications");
        if (header != null) {
            request.addHeader("Authorization", header);
        }
        try {
            return "token " + Objects.toString(resolver.resolve(request));
        } catch (OAuth2AuthenticationException refused) {
            return "refused " + refused.getError().getErrorCode() + " " + refused.getError().getDescription();
        }
    }
}
