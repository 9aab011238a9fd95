package org.mtb.intake.application;

import org.mtb.contracts.intake.Submitter;
import org.mtb.support.security.Caller;
import org.mtb.support.security.Role;

/** Who submits, from the access token: the role a caller submits in, and the key its retries are matched by. */
final class Submitters {

    private Submitters() {
    }

    /**
     * The caller as a submitter. A caller holding several submitting roles submits as a channel before a counter
     * clerk before an applicant: the role that answers for more people.
     */
    static Submitter of(Caller caller) {
        Role role = caller.has(Role.CHANNEL) ? Role.CHANNEL
                : caller.has(Role.COUNTER_CLERK) ? Role.COUNTER_CLERK : Role.APPLICANT;
        return new Submitter(caller.subject(), caller.client(), role.name());
    }

    /** Whether the submitter may submit in the region: a channel or counter only in its own regions. */
    static boolean maySubmitIn(Caller caller, Submitter submitter, String regionCode) {
        return Role.APPLICANT.name().equals(submitter.role()) || caller.actsIn(regionCode);
    }

    /** The stored idempotency key: the submitter's subject, then the key it sent. */
    static String scopedKey(Submitter submitter, String key) {
        return submitter.subject() + "|" + key;
    }
}
