package org.mtb.notification.message;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One event to tell an applicant about: what happened, and the phone it names, if any; and the agent (代办人) who
 * applied for them, if one did and it is known, to tell by SMS too.
 */
record Occasion(UUID eventId, Notice notice, MessagePhones.@Nullable Phone phone, @Nullable AgentOnFile agent,
        boolean inAppOnly) {

    Occasion(UUID eventId, Notice notice, MessagePhones.@Nullable Phone phone) {
        this(eventId, notice, phone, null, false);
    }

    Occasion withAgent(@Nullable AgentOnFile agent) {
        return new Occasion(eventId, notice, phone, agent, inAppOnly);
    }

    /** Told in the app only: an SMS of the same news went out already (a grant its decision's SMS announced). */
    Occasion inAppOnlyOccasion() {
        return new Occasion(eventId, notice, phone, agent, true);
    }
}
