package org.mtb.support.security;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;

/**
 * For controller tests about something else than access: every MockMvc request carries, unless it names its own
 * {@code Authorization}, a token of a national account holding every role. Tests of who may do what set the header
 * of each request themselves.
 */
@TestConfiguration(proxyBeanMethods = false)
public class SignedInRequests {

    /** A national account with every role: whatever an endpoint asks, this caller may. */
    public static String everyRole() {
        return TestTokens.token("test-caller").roles(Role.values()).regions(Caller.ALL_REGIONS)
                .claim("azp", "mtb-cli").sign();
    }

    @Bean
    MockMvcBuilderCustomizer signedInByDefault() {
        return builder -> builder.defaultRequest(
                get("/").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(everyRole())));
    }
}
