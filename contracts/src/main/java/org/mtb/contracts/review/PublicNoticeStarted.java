package org.mtb.contracts.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.mtb.contracts.ApplicationEvent;

/**
 * An approved application entered the region's public notice (公示); an objection may be raised until
 * {@code noticeUntil}, and without an upheld one the qualification takes effect after it.
 */
public record PublicNoticeStarted(
        UUID eventId,
        int schemaVersion,
        Instant occurredAt,
        String applicationNumber,
        String regionCode,
        String diseaseName,
        LocalDate noticeFrom,
        LocalDate noticeUntil,
        Recipient recipient) implements ApplicationEvent {

    public static final int SCHEMA_VERSION = 1;
}
