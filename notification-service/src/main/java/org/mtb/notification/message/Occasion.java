package org.mtb.notification.message;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One event to tell an applicant about: what happened, and the phone it names, if any. */
record Occasion(UUID eventId, Notice notice, MessagePhones.@Nullable Phone phone) {
}
