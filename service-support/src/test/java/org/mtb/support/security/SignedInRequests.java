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

    private static final Role[] PERSON_ROLES = java.util.Arrays.stream(Role.values())
            .filter(role -> role != Role.CHANNEL).toArray(Role[]::new);

    /**
     * A national account with every role of a person (every role but {@link Role#CHANNEL}, a client whose requests
     * are signed besides): whatever else an endpoint asks, this caller may.
     */
    public static String everyRole() {
        return TestTokens.token("test-caller").roles(PERSON_ROLES).regions(Caller.ALL_REGIONS)
                .claim("azp", "mtb-cli").sign();
    }

    /** The caller {@link #everyRole()}'s token stands for, for tests that call a service's classes directly. */
    public static Caller everyRoleCaller() {
        return new Caller("test-caller", "test-caller", "mtb-cli", java.util.Set.of(PERSON_ROLES),
                java.util.List.of(Caller.ALL_REGIONS), null, null);
    }

    @Bean
    MockMvcBuilderCustomizer signedInByDefault() {
        return builder -> builder.defaultRequest(
                get("/").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(everyRole())));
    }
}
