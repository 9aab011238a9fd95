package org.mtb.intake.application;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The applicant's answer to a supplement request (补正): the material items asked for, each with its uploaded files.
 *
 * @param round the request answered; optional, and when given it must be the open one (a stale screen is refused)
 */
record SupplementRequest(@Nullable Integer round,
        @Nullable List<SubmitApplicationRequest.@Nullable MaterialItemRequest> materials) {
}
