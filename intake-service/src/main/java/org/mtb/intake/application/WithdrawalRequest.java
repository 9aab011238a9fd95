package org.mtb.intake.application;

import org.jspecify.annotations.Nullable;

/** Why the applicant withdraws an application. */
record WithdrawalRequest(@Nullable String reason) {
}
