package org.mtb.contracts.catalog;

/**
 * A length of time as a policy states it: "5 working days" of public notice, "12 months" between re-checks.
 *
 * @param amount at least 1
 */
public record Period(int amount, Unit unit) {

    public enum Unit {
        WORKING_DAYS,
        CALENDAR_DAYS,
        MONTHS,
        YEARS
    }
}
