package org.mtb.intake.application;

import java.time.Instant;

/** One status change of an application, with when it happened. */
public record TimelineEntry(ApplicationStatus status, Instant at, String note) {
}
