package org.mtb.contracts.intake;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mtb.contracts.ApplicationEvent;
import org.mtb.contracts.review.Recipient;

/**
 * The applicant withdrew an application before its decision (撤回; the seeds do not name it: a project assumption).
 * Its review case closes and its timers stop.
 *
 * @param reason    the applicant's reason, as given
 * @param recipient whom to tell: the applicant's phone sealed, as intake sealed it, and the masked name
 */
public record ApplicationWithdrawn(
        UUID eventId,
        int schemaVersion,
        Instant occurredAt,
        String applicationNumber,
        String regionCode,
        String diseaseName,
        String reason,
        Instant withdrawnAt,
        @Nullable Submitter withdrawnBy,
        Recipient recipient) implements ApplicationEvent {

    public static final int SCHEMA_VERSION = 1;
}
