package org.mtb.notification.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The texts of a review deadline extended in special circumstances (遇特殊情况可延长): the new deadline in China
 * Standard Time in every message, the reason in the app only.
 */
class ReviewExtendedTemplatesTests {

    private static final String NUMBER = "659006-20261123-000002";
    /** 17:30 on 5 January in China Standard Time. */
    private static final Instant DUE = Instant.parse("2027-01-05T09:30:00Z");
    private static final String REASON = "需调取外院病历核实诊断";
    /** One of the longest disease names in the regions' catalogues. */
    private static final String LONG_DISEASE = "高血压病（合并心、脑、肾、眼并发症之一）";

    private final MessageTemplates templates = MessageTemplates.fromClasspath();

    private static Notice notice(String disease, String reason, Instant dueAt) {
        return new Notice(EventType.REVIEW_EXTENDED, NUMBER, disease, "张*", List.of(reason), dueAt);
    }

    private static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    @Test
    void tellsTheNewDeadlineAndTheReasonInTheAppAndOnlyTheDeadlineBySms() {
        Notice notice = notice("冠心病", REASON + "。", DUE);

        assertThat(templates.inApp(notice)).isEqualTo(new RenderedMessage("门诊慢特病申请审核期限已延长",
                "张*您好，您申请的门诊慢特病（冠心病）因遇特殊情况，经批准审核期限延长至2027年1月5日 17:30，受理编号" + NUMBER
                        + "。延长原因：需调取外院病历核实诊断。审核结果将以短信和消息通知，您也可以在“我的申请 / 办理进度”中随时查看；"
                        + "如有疑问请咨询当地医保经办机构。"));
        assertThat(templates.sms(notice)).isEqualTo(new RenderedMessage("门诊慢特病申请审核期限已延长",
                "【医保服务】张*您好，您申请的门诊慢特病（冠心病）审核期限已延长至2027年1月5日 17:30，受理编号" + NUMBER
                        + "。延长原因请查看医保APP消息。"));
        assertThat(templates.agentSms(notice, "李四").body()).isEqualTo("【医保服务】李*您好，您为张*代办的门诊慢特病（冠心病）"
                + "申请审核期限已延长至2027年1月5日 17:30，受理编号" + NUMBER + "。延长原因请查看医保APP消息。");
    }

    @Test
    void showsTheDeadlineOnTheDayItFallsInChinaStandardTime() {
        Notice notice = notice("冠心病", REASON, Instant.parse("2026-12-31T16:30:00Z"));

        assertThat(templates.inApp(notice).body()).contains("审核期限延长至2027年1月1日 00:30");
        assertThat(templates.sms(notice).body()).contains("审核期限已延长至2027年1月1日 00:30");
    }

    @Test
    void keepsEverySmsWithinOneMessageForALongDiseaseNameAndReasonWhichTheAppTellsInFull() {
        String reason = "申请人提供的诊断证明与门诊病历记载的确诊时间不一致，需向出具诊断证明的二级及以上定点医疗机构调取原始病历"
                + "并组织专家复核，复核所需时间超出规定的审核期限";
        Notice notice = new Notice(EventType.REVIEW_EXTENDED, NUMBER, LONG_DISEASE, "欧阳*", List.of(reason), DUE);

        for (RenderedMessage sms : List.of(templates.sms(notice), templates.agentSms(notice, "李*"))) {
            assertThat(length(sms.body())).isLessThanOrEqualTo(templates.smsMaxLength());
            assertThat(sms.body()).contains(LONG_DISEASE, "2027年1月5日 17:30", NUMBER).doesNotContain("诊断证明");
        }
        assertThat(templates.inApp(notice).body()).contains("延长原因：" + reason + "。");
    }
}
