package org.mtb.notification.message;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(MessageController.class)
@org.springframework.context.annotation.Import(org.mtb.support.security.SignedInRequests.class)
class MessageControllerTests {

    private static final String NUMBER = "659006-20261123-000001";
    private static final UUID EVENT = UUID.fromString("5f0c6a56-0f6e-4a0e-9a53-6f6f1d2b9c11");
    private static final Instant AT = Instant.parse("2026-11-23T02:15:30Z");
    /** As intake seals it; the answer shows the masked form stored beside it. */
    private static final String SEALED_PHONE = new org.mtb.support.crypto.FieldCipher(
            new org.mtb.support.crypto.TestKeyRing()).seal("13800138000", "applicant.phone|" + NUMBER);

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Messages messages;

    @Test
    void listsTheMessagesInAppFirstWithTheRecipientMasked() throws Exception {
        given(messages.forApplication(any(), eq(NUMBER), eq(Optional.empty()))).willReturn(List.of(sms(), inApp()));

        mvc.perform(get("/api/v1/applications/{n}/messages", NUMBER))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].id").value(EVENT + ":IN_APP"))
                .andExpect(jsonPath("$[0].channel").value("IN_APP"))
                .andExpect(jsonPath("$[1].channel").value("SMS"))
                .andExpect(jsonPath("$[1].applicationNumber").value(NUMBER))
                .andExpect(jsonPath("$[1].eventType").value("APPLICATION_SUBMITTED"))
                .andExpect(jsonPath("$[1].recipient").value("138****8000"))
                .andExpect(jsonPath("$[1].addressee").value("APPLICANT"))
                .andExpect(jsonPath("$[1].status").value("SENT"))
                .andExpect(jsonPath("$[1].attempts").value(1))
                .andExpect(jsonPath("$[1].body").value(containsString("受理编号" + NUMBER)))
                .andExpect(jsonPath("$[1].createdAt").value("2026-11-23T02:15:30Z"))
                .andExpect(content().string(not(containsString("13800138000"))))
                .andExpect(content().string(not(containsString("nextAttemptAt"))));
    }

    @Test
    void listsTheAgentsSmsAfterTheApplicantsWithTheAgentsPhoneMasked() throws Exception {
        given(messages.forApplication(any(), eq(NUMBER), eq(Optional.of(DeliveryChannel.SMS))))
                .willReturn(List.of(agentSms(), sms()));

        mvc.perform(get("/api/v1/applications/{n}/messages", NUMBER).param("channel", "SMS"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].addressee").value("APPLICANT"))
                .andExpect(jsonPath("$[1].id").value(EVENT + ":SMS:AGENT"))
                .andExpect(jsonPath("$[1].channel").value("SMS"))
                .andExpect(jsonPath("$[1].addressee").value("AGENT"))
                .andExpect(jsonPath("$[1].recipient").value("139****5678"))
                .andExpect(jsonPath("$[1].body").value(containsString("李*您好，您为张*代办的门诊慢特病")))
                .andExpect(content().string(not(containsString("13912345678"))))
                .andExpect(content().string(not(containsString("enc:"))));
    }

    @Test
    void answersAnEmptyListWhileAnApplicationHasNoMessagesYet() throws Exception {
        given(messages.forApplication(any(), eq(NUMBER), eq(Optional.empty()))).willReturn(List.of());

        mvc.perform(get("/api/v1/applications/{n}/messages", NUMBER))
                .andExpect(status().isOk())
                .andExpect(content().json("[]"));
    }

    @Test
    void filtersByChannel() throws Exception {
        given(messages.forApplication(any(), eq(NUMBER), eq(Optional.of(DeliveryChannel.SMS)))).willReturn(List.of(sms()));

        mvc.perform(get("/api/v1/applications/{n}/messages", NUMBER).param("channel", "SMS"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].channel").value("SMS"));
    }

    @Test
    void refusesAMalformedApplicationNumberWithAProblemNamingTheField() throws Exception {
        mvc.perform(get("/api/v1/applications/{n}/messages", "11010519491231002X"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("INVALID_APPLICATION_NUMBER"))
                .andExpect(jsonPath("$.type").value("/problems/invalid-application-number"))
                .andExpect(jsonPath("$.errors[0].field").value("applicationNumber"))
                .andExpect(jsonPath("$.errors[0].code").value("INVALID_FORMAT"))
                .andExpect(content().string(not(containsString("11010519491231002X"))));
        then(messages).should(never()).forApplication(any(), any(), any());
    }

    @Test
    void refusesAnUnknownChannelListingTheAllowedOnes() throws Exception {
        mvc.perform(get("/api/v1/applications/{n}/messages", NUMBER).param("channel", "EMAIL"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("INVALID_CHANNEL"))
                .andExpect(jsonPath("$.errors[0].field").value("channel"))
                .andExpect(jsonPath("$.errors[0].message").value("allowed: IN_APP, SMS"));
    }

    private static ApplicantMessage inApp() {
        return new ApplicantMessage(EVENT + ":IN_APP", NUMBER, EVENT.toString(), EventType.APPLICATION_SUBMITTED,
                DeliveryChannel.IN_APP, SEALED_PHONE, "门诊慢特病申请已受理",
                "张*您好，您申请的门诊慢特病（血友病）已受理，受理编号" + NUMBER + "。",
                MessageStatus.SENT, 1, AT, AT, null, null, null, "138****8000", null, null, null);
    }

    private static ApplicantMessage agentSms() {
        return new ApplicantMessage(EVENT + ":SMS:AGENT", NUMBER, EVENT.toString(), EventType.APPLICATION_SUBMITTED,
                DeliveryChannel.SMS, null, "门诊慢特病申请已受理",
                "【医保服务】李*您好，您为张*代办的门诊慢特病（血友病）申请已受理，受理编号" + NUMBER + "，审核结果将以短信通知。",
                MessageStatus.SENT, 1, AT, AT.plusSeconds(1), null, null, null, "139****5678", null, null,
                new org.mtb.support.crypto.FieldCipher(new org.mtb.support.crypto.TestKeyRing())
                        .seal("13912345678", "agent.phone|" + NUMBER));
    }

    private static ApplicantMessage sms() {
        return new ApplicantMessage(EVENT + ":SMS", NUMBER, EVENT.toString(), EventType.APPLICATION_SUBMITTED,
                DeliveryChannel.SMS, "13800138000", "门诊慢特病申请已受理",
                "【医保服务】张*您好，您申请的门诊慢特病（血友病）已受理，受理编号" + NUMBER + "，审核结果将以短信和消息通知。",
                MessageStatus.SENT, 1, AT, AT.plusSeconds(1), null, null, null, null, null, null, null);
    }
}
