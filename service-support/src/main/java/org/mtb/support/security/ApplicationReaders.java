package org.mtb.support.security;

import org.mtb.support.crypto.BlindIndex;
import org.jspecify.annotations.Nullable;

/**
 * Who may read an application's progress, the same in every service that shows a part of it (intake its status,
 * notification its messages). Anyone else is answered as if the application did not exist, so acceptance numbers,
 * which are sequential, cannot be probed.
 *
 * <ul>
 *   <li>an applicant: the applications their account submitted, and those where they are the insured person
 *       (their token's verified ID number), whatever channel or agent submitted them;
 *   <li>a channel: the applications it submitted for its users;
 *   <li>counter, hotline, reviewer and supervisor staff: the applications of their regions; staff narrowed to an
 *       institution, only those of that institution.
 * </ul>
 */
public final class ApplicationReaders {

    private ApplicationReaders() {
    }

    /**
     * What a service knows of an application's parties.
     *
     * @param regionCode       the application's region
     * @param submitterSubject the token subject that submitted it; null for one stored before tokens
     * @param submitterClient  the client it was submitted through; null for one stored before tokens
     * @param insuredIndex     the blind index of the insured person's ID number ({@link BlindIndex#ofIdNumber}), where
     *                         the service holds it; null where it does not. The clear number is never compared.
     * @param institution      the institution whose case it is (the diagnosing hospital's 定点医药机构编号), if any
     */
    public record Parties(String regionCode, @Nullable String submitterSubject, @Nullable String submitterClient,
            @Nullable String insuredIndex, @Nullable String institution) {
    }

    /** @param index the blind index the service's {@code insuredIndex} values were made with */
    public static boolean mayRead(Caller caller, Parties application, BlindIndex index) {
        if (caller.hasAny(Role.COUNTER_CLERK, Role.HOTLINE, Role.REVIEWER, Role.SUPERVISOR)
                && caller.covers(application.regionCode(), application.institution())) {
            return true;
        }
        if (caller.has(Role.CHANNEL) && caller.client() != null
                && caller.client().equals(application.submitterClient())) {
            return true;
        }
        if (caller.has(Role.APPLICANT)) {
            return caller.subject().equals(application.submitterSubject())
                    || caller.idNumber() != null && application.insuredIndex() != null
                            && index.ofIdNumber(caller.idNumber()).equals(application.insuredIndex());
        }
        return false;
    }
}
