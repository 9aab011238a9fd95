package org.mtb.calendar;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A deadline: the moment working time runs out, the working day it falls on, and whether it was computed
 * through a year without a published schedule (weekends only), so it must be recomputed once one is loaded.
 */
public record Deadline(Instant at, LocalDate day, boolean provisional) {
}
