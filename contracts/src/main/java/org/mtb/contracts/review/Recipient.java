package org.mtb.contracts.review;

import org.mtb.contracts.PersonalData;

/** Whom to tell about a case; {@link #toString()} masks it so that it cannot reach a log line. */
public record Recipient(String name, String phone) {

    @Override
    public String toString() {
        return "Recipient[name=" + PersonalData.maskName(name) + ", phone=" + PersonalData.maskPhone(phone) + "]";
    }
}
