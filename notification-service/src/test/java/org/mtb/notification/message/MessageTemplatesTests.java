package org.mtb.notification.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MessageTemplatesTests {

    private static final String NUMBER = "659006-20261123-000001";
    /** 11:00 on 24 December in China Standard Time. */
    private static final Instant DUE = Instant.parse("2026-12-24T03:00:00Z");

    private final MessageTemplates templates = MessageTemplates.fromClasspath();

    /**
     * A supplement's terms, a qualification's and an extended review's deadline are offered to every type; those that
     * do not tell them leave them out.
     */
    private static Notice notice(EventType type, List<String> reasons) {
        return new Notice(type, NUMBER, "血友病", "张三", reasons, new Notice.Supplement(2, DUE), null, null, null,
                new Notice.Terms(LocalDate.of(2026, 12, 18), LocalDate.of(2027, 12, 17), "Q-" + NUMBER, false, null),
                DUE);
    }

    private static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void rendersEveryMessageInChineseWithTheAcceptanceNumberAndDisease(EventType type) {
        Notice notice = notice(type, List.of("材料不全"));

        for (RenderedMessage message : List.of(templates.inApp(notice), templates.sms(notice))) {
            assertThat(message.title()).containsPattern("\\p{IsHan}{4}");
            assertThat(message.body()).contains(NUMBER, "（血友病）", "张*您好").containsPattern("\\p{IsHan}{8}")
                    .doesNotContain("{", "}");
        }
        String sms = templates.sms(notice).body();
        assertThat(sms).startsWith("【医保服务】");
        assertThat(length(sms)).isLessThanOrEqualTo(140);
    }

    @Test
    void confirmsTheSubmissionBySms() {
        assertThat(templates.sms(notice(EventType.APPLICATION_SUBMITTED, List.of())).body()).isEqualTo(
                "【医保服务】张*您好，您申请的门诊慢特病（血友病）已受理，受理编号659006-20261123-000001，审核结果将以短信和消息通知。");
    }

    @Test
    void tellsAnApprovalThatBenefitsTakeEffectAsRegulated() {
        RenderedMessage sms = templates.sms(new Notice(EventType.APPLICATION_APPROVED, NUMBER, "血友病", "张三",
                List.of("诊断明确，材料齐全")));

        assertThat(sms.title()).isEqualTo("门诊慢特病申请已审核通过");
        assertThat(sms.body()).contains("已审核通过，待遇按规定生效");
    }

    @Test
    void listsEveryReasonOfARejectionInBothChannels() {
        Notice notice = notice(EventType.APPLICATION_REJECTED, List.of("诊断证明超过12个月。", "缺少二级及以上医院盖章"));
        String expected = "未通过审核，受理编号" + NUMBER + "，原因：诊断证明超过12个月；缺少二级及以上医院盖章。如有疑问请咨询当地医保经办机构。";

        assertThat(templates.sms(notice).body()).endsWith(expected);
        assertThat(templates.inApp(notice).body()).contains("原因：诊断证明超过12个月；缺少二级及以上医院盖章。");
    }

    @Test
    void neverPutsTheNamePhoneOrIdNumberInClearIntoAnSms() {
        Notice notice = new Notice(EventType.APPLICATION_REJECTED, NUMBER, "血友病", "张三",
                List.of("张三提供的身份证11010519491231002X与参保信息不一致", "请联系13800138000核实"));

        String sms = templates.sms(notice).body();

        assertThat(sms).doesNotContain("张三", "11010519491231002X", "13800138000")
                .contains("张*", "1101**********002X", "138****8000");
        assertThat(templates.inApp(notice).body()).doesNotContain("张三", "11010519491231002X", "13800138000");
    }

    @Test
    void greetsWithoutANameWhenTheEventHasNone() {
        Notice notice = new Notice(EventType.APPLICATION_SUBMITTED, NUMBER, "血友病", null, List.of());

        assertThat(templates.sms(notice).body()).startsWith("【医保服务】您好，您申请的门诊慢特病（血友病）已受理");
    }

    @Test
    void cutsLongReasonsToFitOneSmsAndPointsToTheInAppMessage() {
        List<String> reasons = List.of("诊断证明由一级医院出具，不符合须由二级及以上定点医疗机构出具的规定",
                "门诊病历未加盖医院公章且缺少医师签名", "检查报告日期超过十二个月，不能作为本次认定的依据");
        Notice notice = notice(EventType.APPLICATION_REJECTED, reasons);

        String sms = templates.sms(notice).body();

        assertThat(length(sms)).isLessThanOrEqualTo(templates.smsMaxLength()).isEqualTo(140);
        assertThat(sms).contains(NUMBER, "原因：诊断证明由一级医院出具", "…完整原因请查看医保APP消息")
                .doesNotContain("检查报告日期超过十二个月")
                .endsWith("如有疑问请咨询当地医保经办机构。");
        assertThat(templates.inApp(notice).body()).contains(String.join("；", reasons));
    }

    @Test
    void listsEveryItemToSupplementWithItsReasonInTheAppAndOnlyHowManyAndByWhenBySms() {
        Notice notice = notice(EventType.SUPPLEMENT_REQUESTED, List.of("疾病诊断证明（二级及以上医院出具）：缺少医院公章。",
                "血压监测记录：未提供近三个月的监测记录"));

        assertThat(templates.inApp(notice)).isEqualTo(new RenderedMessage("门诊慢特病申请需补正材料",
                "张*您好，您申请的门诊慢特病（血友病）经审核需补正材料，受理编号" + NUMBER + "。本次为第2次补正，需补正的材料共2项：\n"
                        + "1. 疾病诊断证明（二级及以上医院出具）：缺少医院公章\n"
                        + "2. 血压监测记录：未提供近三个月的监测记录\n"
                        + "请于2026年12月24日 11:00前一次性补齐上述材料。逾期未补正的，本次申请将按逾期未补正办结。如有疑问请咨询当地医保经办机构。"));
        assertThat(templates.sms(notice).body()).isEqualTo("【医保服务】张*您好，您申请的门诊慢特病（血友病）需补正材料2项，受理编号"
                + NUMBER + "，请于2026年12月24日 11:00前补正。需补正的材料及原因请查看医保APP消息。");
    }

    @Test
    void showsTheDueTimeInChinaStandardTime() {
        Notice notice = new Notice(EventType.SUPPLEMENT_REQUESTED, NUMBER, "血友病", "张*", List.of("门诊病历"),
                new Notice.Supplement(1, Instant.parse("2026-12-23T16:30:00Z")));

        assertThat(templates.sms(notice).body()).contains("请于2026年12月24日 00:30前补正");
        assertThat(templates.inApp(notice).body()).contains("第1次补正，需补正的材料共1项：\n1. 门诊病历\n请于2026年12月24日 00:30前");
    }

    @Test
    void tellsALapseThatTheCaseClosedAndANewApplicationMayBeMade() {
        Notice notice = notice(EventType.SUPPLEMENT_LAPSED, List.of());

        assertThat(templates.sms(notice)).isEqualTo(new RenderedMessage("门诊慢特病申请已逾期未补正办结",
                "【医保服务】张*您好，您申请的门诊慢特病（血友病）补正期限已于2026年12月24日 11:00届满，因未补正材料，本次申请已办结，受理编号"
                        + NUMBER + "。如仍需办理，可重新提出申请。"));
        assertThat(templates.inApp(notice).body()).isEqualTo("张*您好，您申请的门诊慢特病（血友病），受理编号" + NUMBER
                + "，补正期限已于2026年12月24日 11:00届满，因未在期限内补正材料，本次申请已按逾期未补正办结。如仍需办理，可重新提出申请；"
                + "如有疑问请咨询当地医保经办机构。");
    }

    @Test
    void tellsTheReasonOfAWithdrawalInTheAppOnly() {
        Notice notice = new Notice(EventType.APPLICATION_WITHDRAWN, NUMBER, "血友病", "张*",
                List.of("已在线下窗口办理，联系电话13800138000"));

        assertThat(templates.inApp(notice)).isEqualTo(new RenderedMessage("门诊慢特病申请已撤回",
                "张*您好，您申请的门诊慢特病（血友病）已按您的要求撤回，受理编号" + NUMBER
                        + "。撤回原因：已在线下窗口办理，联系电话138****8000。如仍需办理，可重新提出申请。"));
        assertThat(templates.sms(notice).body()).isEqualTo("【医保服务】张*您好，您申请的门诊慢特病（血友病）已按您的要求撤回，受理编号"
                + NUMBER + "。如仍需办理，可重新提出申请。");
    }

    @Test
    void tellsAWithdrawalWithoutAReasonAsNotGiven() {
        Notice notice = new Notice(EventType.APPLICATION_WITHDRAWN, NUMBER, "血友病", null, List.of());

        assertThat(templates.inApp(notice).body()).contains("撤回原因：未注明。");
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void tellsTheAgentEveryChangeAsTheApplicationTheyMadeForTheInsuredPerson(EventType type) {
        Notice notice = notice(type, List.of("材料不全"));

        RenderedMessage sms = templates.agentSms(notice, "李四");

        assertThat(sms.title()).isEqualTo(templates.sms(notice).title());
        assertThat(sms.body()).startsWith("【医保服务】李*您好，您为张*代办的门诊慢特病（血友病）申请").contains(NUMBER)
                .doesNotContain("李四", "张三", "{", "}");
        assertThat(length(sms.body())).isLessThanOrEqualTo(140);
    }

    @Test
    void confirmsTheSubmissionToTheAgentBySms() {
        assertThat(templates.agentSms(notice(EventType.APPLICATION_SUBMITTED, List.of()), "李*").body()).isEqualTo(
                "【医保服务】李*您好，您为张*代办的门诊慢特病（血友病）申请已受理，受理编号659006-20261123-000001，审核结果将以短信通知。");
    }

    @Test
    void namesTheInsuredPersonAsSuchToAnAgentWhenTheEventNamesNobody() {
        Notice notice = new Notice(EventType.APPLICATION_WITHDRAWN, NUMBER, "血友病", null, List.of());

        assertThat(templates.agentSms(notice, null).body()).isEqualTo("【医保服务】您好，您为参保人代办的门诊慢特病（血友病）申请已撤回，"
                + "受理编号" + NUMBER + "。如仍需办理，可重新提出申请。");
    }

    @Test
    void cutsLongReasonsToFitOneSmsToTheAgentToo() {
        Notice notice = notice(EventType.APPLICATION_REJECTED, List.of("诊断证明由一级医院出具，不符合须由二级及以上定点医疗机构出具的规定",
                "门诊病历未加盖医院公章且缺少医师签名", "检查报告日期超过十二个月，不能作为本次认定的依据"));

        String sms = templates.agentSms(notice, "李*").body();

        assertThat(length(sms)).isEqualTo(140);
        assertThat(sms).startsWith("【医保服务】李*您好，您为张*代办的").contains("原因：诊断证明由一级医院出具", "…完整原因请查看医保APP消息")
                .doesNotContain("检查报告日期超过十二个月");
    }

    @Test
    void refusesATemplateThatAsksForThePhone() throws Exception {
        Properties texts = new Properties();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(MessageTemplates.RESOURCE)) {
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        texts.setProperty("submitted.sms", "{sign}请拨打{phone}");

        assertThatIllegalStateException().isThrownBy(() -> new MessageTemplates(texts)).withMessageContaining("{phone}");
    }

    @Test
    void refusesATemplateFileWithoutTheAgentsSmsOfEveryType() throws Exception {
        Properties texts = new Properties();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(MessageTemplates.RESOURCE)) {
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        texts.remove("approved.sms.agent");

        assertThatIllegalStateException().isThrownBy(() -> new MessageTemplates(texts))
                .withMessageContaining("approved.sms.agent");
    }
}
