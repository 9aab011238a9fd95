package org.mtb.support.security;

import org.springframework.security.core.Authentication;

/** The roles of the realm; a token carries them in its {@code roles} claim. */
public enum Role {
    /** A person with a real-name verified account: submits for self or family, reads own applications. */
    APPLICANT,
    /** A provincial platform, app, WeChat or government-portal back end acting for its signed-in users. */
    CHANNEL,
    /** Service counter (窗口) staff of a region. */
    COUNTER_CLERK,
    /** Hotline staff of a region: reads progress, masked. */
    HOTLINE,
    /** A medical expert deciding the cases of the regions (and institution) in the token. */
    REVIEWER,
    /** What a reviewer may, plus extensions and reassignment. */
    SUPERVISOR,
    /** Imports catalog versions and calendars, nationally or for the regions in the token. */
    OPERATOR,
    /** Reads dashboards and metrics. */
    OPS;

    /** The Spring Security authority of the role, as {@code hasRole} checks it. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** Whether the authenticated caller holds this role. */
    public boolean heldBy(Authentication authentication) {
        return authentication.getAuthorities().stream()
                .anyMatch(granted -> authority().equals(granted.getAuthority()));
    }
}
