package org.mtb.intake.application;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What happens next to an application, as "my applications" shows it: who acts, by when, in a sentence.
 *
 * @param action {@code WAIT_FOR_REVIEW}, {@code SUPPLEMENT}, {@code USE_QUALIFICATION} or {@code APPLY_AGAIN_IF_NEEDED}
 * @param dueAt  the review's promised moment, or the applicant's time to supplement; null where none applies
 */
record NextStep(String action, @Nullable Instant dueAt, String text) {

    static NextStep of(Application application) {
        return switch (application.status()) {
            case SUBMITTED, UNDER_REVIEW -> new NextStep("WAIT_FOR_REVIEW", application.reviewDueAt(),
                    "等待医保部门审核" + (application.reviewDueAt() == null ? "" : "，将在承诺时限内完成"));
            case SUPPLEMENT_REQUIRED -> application.openSupplement()
                    .map(round -> new NextStep("SUPPLEMENT", round.dueAt(),
                            "请在期限内补正" + round.requested().size() + "项材料"))
                    .orElse(new NextStep("SUPPLEMENT", null, "请补正材料"));
            case APPROVED -> new NextStep("USE_QUALIFICATION", null, "认定已通过，可按规定享受门诊慢特病待遇");
            case REJECTED -> new NextStep("APPLY_AGAIN_IF_NEEDED", null, "认定未通过，可按提示重新申请");
            case WITHDRAWN -> new NextStep("APPLY_AGAIN_IF_NEEDED", null, "申请已撤回，如有需要可重新申请");
            case NOT_SUPPLEMENTED -> new NextStep("APPLY_AGAIN_IF_NEEDED", null, "逾期未补正，申请已终止，可重新申请");
        };
    }
}
