package org.mtb.intake.application;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;

/**
 * What happens next to an application, as "my applications" shows it: who acts, by when, in a sentence.
 *
 * @param action {@code WAIT_FOR_REVIEW}, {@code SUPPLEMENT}, {@code WAIT_FOR_PUBLIC_NOTICE},
 *        {@code WAIT_FOR_OBJECTION_DECISION}, {@code USE_QUALIFICATION}, {@code APPLY_FOR_RENEWAL} or
 *        {@code APPLY_AGAIN_IF_NEEDED}
 * @param dueAt  the review's promised moment, or the applicant's time to supplement; null where none applies (a
 *        notice's last day is a day, in the answer's {@code aftermath})
 */
record NextStep(String action, @Nullable Instant dueAt, String text) {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    static NextStep of(Application application) {
        return switch (application.status()) {
            case SUBMITTED, UNDER_REVIEW -> new NextStep("WAIT_FOR_REVIEW", application.reviewDueAt(),
                    "等待医保部门审核" + (application.reviewDueAt() == null ? "" : "，将在承诺时限内完成"));
            case SUPPLEMENT_REQUIRED -> application.openSupplement()
                    .map(round -> new NextStep("SUPPLEMENT", round.dueAt(),
                            "请在期限内补正" + round.requested().size() + "项材料"))
                    .orElse(new NextStep("SUPPLEMENT", null, "请补正材料"));
            case IN_PUBLIC_NOTICE -> new NextStep("WAIT_FOR_PUBLIC_NOTICE", null, "审核已通过，正在公示"
                    + day("，公示期至", noticeUntil(application)) + "；公示期满无异议后资格生效，无需办理其他手续");
            case UNDER_OBJECTION -> new NextStep("WAIT_FOR_OBJECTION_DECISION", null,
                    "公示期间收到异议，医保部门正在核实，请等待处理结果");
            case APPROVED -> new NextStep("USE_QUALIFICATION", null, "认定已通过，可按规定享受门诊慢特病待遇"
                    + validity(application.qualification()));
            case REJECTED -> new NextStep("APPLY_AGAIN_IF_NEEDED", null, "认定未通过，可按提示重新申请");
            case WITHDRAWN -> new NextStep("APPLY_AGAIN_IF_NEEDED", null, "申请已撤回，如有需要可重新申请");
            case NOT_SUPPLEMENTED -> new NextStep("APPLY_AGAIN_IF_NEEDED", null, "逾期未补正，申请已终止，可重新申请");
            case OBJECTION_UPHELD -> new NextStep("APPLY_AGAIN_IF_NEEDED", null,
                    "公示期间异议成立，审核通过的结果已撤销；如有需要，可补充材料后重新申请");
            case QUALIFICATION_REVOKED -> new NextStep("APPLY_AGAIN_IF_NEEDED", null,
                    "门诊慢特病待遇资格已撤销；如有需要，可重新申请");
            case QUALIFICATION_EXPIRED -> new NextStep("APPLY_FOR_RENEWAL", null, "门诊慢特病待遇资格已到期"
                    + "；如需继续享受待遇，请提交续期（复审）申请，并注明本申请编号");
        };
    }

    private static @Nullable LocalDate noticeUntil(Application application) {
        return application.publicNotice() == null ? null : application.publicNotice().until();
    }

    private static String validity(@Nullable Qualification qualification) {
        if (qualification == null || qualification.validFrom() == null) {
            return "";
        }
        return "，资格自" + DAY.format(qualification.validFrom()) + "起生效"
                + (qualification.validTo() == null ? "，长期有效" : "，有效期至" + DAY.format(qualification.validTo()));
    }

    private static String day(String before, @Nullable LocalDate day) {
        return day == null ? "" : before + DAY.format(day);
    }
}
