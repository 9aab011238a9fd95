package org.mtb.intake.application;

import org.mtb.support.security.Caller;

/** Who may act on an application after submitting it: the submitting account or channel only. */
final class ApplicationActions {

    private ApplicationActions() {
    }

    /**
     * The application, if the caller submitted it. Another caller who may read it (the insured person, a reviewer) is
     * refused with 403; to anyone else it is as unknown (404).
     */
    static Application actedOnBy(Caller caller, String number, Applications applications, PersonalDataSeals seals) {
        Application application = applications.find(number).filter(a -> seals.mayRead(caller, a))
                .orElseThrow(() -> ApplicationProblems.notFound(number));
        if (!PersonalDataSeals.submittedBy(caller, application)) {
            throw ApplicationProblems.notSubmitter(number);
        }
        return application;
    }
}
