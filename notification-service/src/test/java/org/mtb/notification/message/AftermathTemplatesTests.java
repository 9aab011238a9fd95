package org.mtb.notification.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The texts of an approval's aftermath: when the benefit starts, the public notice (公示) and its objections, and the
 * qualification from its grant to its end.
 */
class AftermathTemplatesTests {

    private static final String NUMBER = "620900-20261123-000001";
    private static final String QUALIFICATION = "Q-" + NUMBER;
    private static final LocalDate NOTICE_FROM = LocalDate.of(2026, 12, 11);
    private static final LocalDate NOTICE_UNTIL = LocalDate.of(2026, 12, 17);
    private static final LocalDate VALID_FROM = LocalDate.of(2026, 12, 18);
    private static final LocalDate VALID_TO = LocalDate.of(2027, 12, 17);
    /** One of the longest disease names in the regions' catalogues. */
    private static final String LONG_DISEASE = "高血压病（合并心、脑、肾、眼并发症之一）";
    private static final Set<EventType> AFTERMATH = EnumSet.range(EventType.PUBLIC_NOTICE_STARTED,
            EventType.QUALIFICATION_EXPIRED);

    private final MessageTemplates templates = MessageTemplates.fromClasspath();

    private static Notice notice(EventType type, List<String> reasons, Notice.Terms terms) {
        return new Notice(type, NUMBER, "高血压病", "张*", reasons, terms);
    }

    private static Notice.Terms qualification(boolean instantFiling, LocalDate validTo, String replaces) {
        return new Notice.Terms(VALID_FROM, validTo, QUALIFICATION, instantFiling, replaces);
    }

    private static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    @Test
    void tellsAnApprovalTheDayItsBenefitStarts() {
        Notice notice = notice(EventType.APPLICATION_APPROVED, List.of(), Notice.Terms.approval(VALID_FROM, null));

        assertThat(templates.sms(notice).body()).isEqualTo("【医保服务】张*您好，您申请的门诊慢特病（高血压病）已审核通过，"
                + "待遇自2026年12月18日起生效。受理编号" + NUMBER + "。");
        assertThat(templates.inApp(notice).body()).contains("已审核通过，受理编号" + NUMBER + "，待遇自2026年12月18日起生效。");
        assertThat(templates.agentSms(notice, "李*").body()).contains("代办的门诊慢特病（高血压病）申请已审核通过，待遇自2026年12月18日起生效");
    }

    @Test
    void tellsAnApprovalUnderPublicNoticeUntilWhenTheNoticeRuns() {
        Notice notice = notice(EventType.APPLICATION_APPROVED, List.of(), Notice.Terms.approval(null, NOTICE_UNTIL));

        assertThat(templates.sms(notice).body()).isEqualTo("【医保服务】张*您好，您申请的门诊慢特病（高血压病）已审核通过，"
                + "现予公示，公示期至2026年12月17日，公示期满无异议的，待遇按规定生效。受理编号" + NUMBER + "。");
        assertThat(templates.inApp(notice).body()).contains("现予公示，公示期至2026年12月17日，公示期满无异议的，待遇按规定生效。")
                .doesNotContain("待遇自");
    }

    @Test
    void tellsThePublicNoticesFirstAndLastDay() {
        Notice notice = notice(EventType.PUBLIC_NOTICE_STARTED, List.of(),
                Notice.Terms.publicNotice(NOTICE_FROM, NOTICE_UNTIL));

        assertThat(templates.inApp(notice)).isEqualTo(new RenderedMessage("门诊慢特病申请进入公示期",
                "张*您好，您申请的门诊慢特病（高血压病）已审核通过，现按规定予以公示，受理编号" + NUMBER
                        + "。公示期为2026年12月11日至2026年12月17日，公示期满无异议或异议经核实不成立的，待遇资格按规定生效，"
                        + "届时将另行通知。如有疑问请咨询当地医保经办机构。"));
        assertThat(templates.sms(notice).body()).isEqualTo("【医保服务】张*您好，您申请的门诊慢特病（高血压病）已审核通过，现予公示，"
                + "公示期为2026年12月11日至2026年12月17日，期满无异议的待遇按规定生效。受理编号" + NUMBER + "。");
    }

    @Test
    void tellsOnlyThatThereIsAnObjectionUnderVerification() {
        Notice notice = notice(EventType.OBJECTION_RAISED, List.of(), Notice.Terms.NONE);

        assertThat(templates.inApp(notice).body()).contains("在公示期间收到异议", "正在依规核实", "核实结果将以短信和消息通知您");
        assertThat(templates.sms(notice).body()).isEqualTo("【医保服务】张*您好，您申请的门诊慢特病（高血压病）在公示期间收到异议，"
                + "正在核实，核实结果将另行通知。受理编号" + NUMBER + "。");
    }

    @Test
    void tellsAnUpheldObjectionWithdrawsTheApprovalWithTheReason() {
        Notice notice = notice(EventType.OBJECTION_UPHELD, List.of("经核实，申请人病历资料与实际病情不符。"), Notice.Terms.NONE);

        RenderedMessage inApp = templates.inApp(notice);
        assertThat(inApp.title()).isEqualTo("门诊慢特病审核通过决定已撤销");
        assertThat(inApp.body()).contains("异议经核实成立，原审核通过决定予以撤销", "原因：经核实，申请人病历资料与实际病情不符。");
        assertThat(templates.sms(notice).body()).contains("原审核通过决定已撤销", "原因：经核实，申请人病历资料与实际病情不符。",
                NUMBER);
    }

    @Test
    void tellsADismissedObjectionThatTheNoticeGoesOn() {
        Notice notice = notice(EventType.OBJECTION_DISMISSED, List.of(), Notice.Terms.NONE);

        assertThat(templates.inApp(notice).body()).contains("异议经核实不成立，公示继续进行", "公示期满无其他异议的，待遇资格按规定生效")
                .doesNotContain("原因");
        assertThat(templates.sms(notice).body()).isEqualTo("【医保服务】张*您好，您申请的门诊慢特病（高血压病）公示期间的异议经核实不成立，"
                + "公示继续进行，期满无其他异议的待遇按规定生效。受理编号" + NUMBER + "。");
    }

    @Test
    void tellsAGrantedQualificationItsNumberFirstDayAndEnd() {
        Notice notice = notice(EventType.QUALIFICATION_GRANTED, List.of(), qualification(false, VALID_TO, null));

        assertThat(templates.inApp(notice)).isEqualTo(new RenderedMessage("门诊慢特病待遇资格已认定",
                "张*您好，您申请的门诊慢特病（高血压病）待遇资格已认定，资格编号" + QUALIFICATION + "，受理编号" + NUMBER
                        + "。自2026年12月18日起可按规定享受门诊慢特病待遇，有效期至2027年12月17日。"
                        + "待遇享受和定点医疗机构选择等事项，请咨询当地医保经办机构。"));
        assertThat(templates.sms(notice).body()).isEqualTo("【医保服务】张*您好，您申请的门诊慢特病（高血压病）待遇资格已认定，"
                + "自2026年12月18日起享受待遇，有效期至2027年12月17日，资格编号" + QUALIFICATION + "。");
    }

    @Test
    void tellsALongTermQualificationFiledAtOnceThatAPostCheckMayRevokeItAndWhatItRenews() {
        Notice notice = notice(EventType.QUALIFICATION_GRANTED, List.of(),
                qualification(true, null, "Q-620900-20251123-000007"));

        assertThat(templates.inApp(notice).body()).contains("长期有效。本资格经系统即时备案，医保经办机构将进行事后审核，"
                + "经审核不符合认定条件的，将撤销资格并停止相应待遇。本资格接续原资格（资格编号Q-620900-20251123-000007）。")
                .doesNotContain("有效期至");
        assertThat(templates.sms(notice).body()).contains("自2026年12月18日起享受待遇，长期有效，资格编号" + QUALIFICATION);
    }

    @Test
    void tellsARevocationWithItsReasonCutToFitOneSms() {
        String reason = "事后审核：诊断证明由一级医院出具，不符合须由二级及以上定点医疗机构出具的规定；门诊病历未加盖医院公章且缺少医师签名；"
                + "检查报告日期超过十二个月";
        Notice notice = notice(EventType.QUALIFICATION_REVOKED, List.of(reason),
                Notice.Terms.qualification(QUALIFICATION, null));

        String sms = templates.sms(notice).body();

        assertThat(length(sms)).isEqualTo(templates.smsMaxLength());
        assertThat(sms).startsWith("【医保服务】张*您好，您的门诊慢特病（高血压病）待遇资格已被撤销，资格编号" + QUALIFICATION
                + "，原因：事后审核：诊断证明由一级医院出具").contains("…完整原因请查看医保APP消息").doesNotContain("检查报告日期");
        assertThat(templates.inApp(notice).body()).contains("待遇资格已被撤销", "原因：" + reason + "。",
                "撤销后不再享受相应门诊慢特病待遇");
    }

    @Test
    void tellsARevocationWithoutAReasonAsNotGiven() {
        Notice notice = notice(EventType.QUALIFICATION_REVOKED, List.of(),
                Notice.Terms.qualification(QUALIFICATION, null));

        assertThat(templates.inApp(notice).body()).contains("原因：未注明。");
        assertThat(templates.sms(notice).body()).contains("原因：未注明。");
    }

    @Test
    void remindsToRenewBeforeTheQualificationEnds() {
        Notice notice = notice(EventType.RECHECK_DUE, List.of(), Notice.Terms.qualification(QUALIFICATION, VALID_TO));

        assertThat(templates.sms(notice)).isEqualTo(new RenderedMessage("门诊慢特病待遇资格复核提醒",
                "【医保服务】张*您好，您的门诊慢特病（高血压病）待遇资格有效期至2027年12月17日，请在到期前办理资格复核，"
                        + "逾期未复核的资格到期终止。资格编号" + QUALIFICATION + "。"));
        assertThat(templates.inApp(notice).body()).contains("有效期至2027年12月17日，请在有效期届满前按规定办理资格复核");
    }

    @Test
    void tellsThatAQualificationEndedWithoutRenewal() {
        Notice notice = notice(EventType.QUALIFICATION_EXPIRED, List.of(),
                Notice.Terms.qualification(QUALIFICATION, VALID_TO));

        assertThat(templates.sms(notice).body()).isEqualTo("【医保服务】张*您好，您的门诊慢特病（高血压病）待遇资格已于2027年12月17日到期终止，"
                + "资格编号" + QUALIFICATION + "。如仍需享受相应待遇，可重新提出申请。");
        assertThat(templates.inApp(notice).body()).contains("有效期已于2027年12月17日届满，因未办理资格复核，该资格已终止");
    }

    @ParameterizedTest
    @EnumSource(value = EventType.class, names = {"APPLICATION_APPROVED", "PUBLIC_NOTICE_STARTED", "OBJECTION_RAISED",
            "OBJECTION_UPHELD", "OBJECTION_DISMISSED", "QUALIFICATION_GRANTED", "QUALIFICATION_REVOKED", "RECHECK_DUE",
            "QUALIFICATION_EXPIRED"})
    void keepsEverySmsWithinOneMessageEvenForALongDiseaseNameAndLongReasons(EventType type) {
        Notice notice = new Notice(type, NUMBER, LONG_DISEASE, "欧阳*", List.of("诊断证明由一级医院出具，不符合须由二级及以上"
                + "定点医疗机构出具的规定", "门诊病历未加盖医院公章且缺少医师签名"), new Notice.Terms(NOTICE_FROM, NOTICE_UNTIL,
                        QUALIFICATION, true, "Q-620900-20251123-000007"));

        assertThat(length(templates.sms(notice).body())).isLessThanOrEqualTo(templates.smsMaxLength());
        assertThat(length(templates.agentSms(notice, "李*").body())).isLessThanOrEqualTo(templates.smsMaxLength());
    }

    @Test
    void eachStepOfTheAftermathHasATitleOfItsOwn() {
        assertThat(AFTERMATH).hasSize(8);
        assertThat(AFTERMATH.stream().map(type -> templates.inApp(notice(type, List.of(), Notice.Terms.NONE)).title())
                .distinct()).hasSize(8);
    }
}
