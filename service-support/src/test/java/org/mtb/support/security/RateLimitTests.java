package org.mtb.support.security;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@WebMvcTest(controllers = ResourceServerTests.Guarded.class)
@Import(ResourceServerTests.Guarded.class)
@TestPropertySource(properties = {"mtb.security.rate-limits.per-account=3",
        "mtb.security.rate-limits.channels.xj-tiemenguan-platform=2"})
class RateLimitTests {

    @Autowired
    MockMvc mvc;

    @Test
    void anAccountOverItsRequestsASecondIsAnswered429WithRetryAfterAndOthersGoOn() throws Exception {
        String reviewer = TestTokens.staff(Role.REVIEWER, "reviewer-a", "620900");
        for (int i = 0; i < 3; i++) {
            call(reviewer).andExpect(status().isOk());
        }

        call(reviewer).andExpect(status().isTooManyRequests()).andExpect(header().string("Retry-After", "1"))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("RATE_LIMITED"));
        call(TestTokens.staff(Role.REVIEWER, "reviewer-b", "620900")).andExpect(status().isOk());

        Thread.sleep(1_100); // the next second's permissions
        call(reviewer).andExpect(status().isOk());
    }

    @Test
    void aChannelHasTheLimitConfiguredForItAndIsCountedBeforeItsSignatureIsChecked() throws Exception {
        String token = TestTokens.channel(ChannelRequests.TIEMENGUAN, "659006");
        for (int i = 0; i < 2; i++) {
            signed(token).andExpect(status().isOk());
        }

        signed(token).andExpect(status().isTooManyRequests()).andExpect(jsonPath("$.code").value("RATE_LIMITED"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("at most 2")));
    }

    @Test
    void actuatorScrapesAreNotCounted() throws Exception {
        for (int i = 0; i < 5; i++) {
            mvc.perform(get("/actuator/prometheus").header(HttpHeaders.AUTHORIZATION,
                    TestTokens.bearer(TestTokens.ops()))).andExpect(status().isNotFound());
        }
    }

    private ResultActions call(String token) throws Exception {
        return mvc.perform(get("/guarded/reviewers").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(token)));
    }

    private ResultActions signed(String token) throws Exception {
        var request = post("/guarded/echo").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(token))
                .contentType(MediaType.APPLICATION_JSON).content("{}");
        ChannelRequests.signed(ChannelRequests.TIEMENGUAN, "{}").forEach(request::header);
        return mvc.perform(request);
    }
}
