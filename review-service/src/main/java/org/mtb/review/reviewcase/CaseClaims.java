package org.mtb.review.reviewcase;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.mtb.support.security.Caller;
import org.mtb.support.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Claims, renewals, releases and a supervisor's assignments of cases. Each is one update conditional on the case's
 * version, so of two reviewers claiming at once one wins and the other is told who holds the case until when.
 * Claiming is silent: the applicant is not told.
 */
@Service
class CaseClaims {

    private static final Logger log = LoggerFactory.getLogger(CaseClaims.class);
    private static final int ATTEMPTS = 3;

    private final ReviewCases cases;
    private final MongoTemplate mongo;
    private final Clock clock;
    private final ClaimProperties properties;
    private final MeterRegistry meters;

    CaseClaims(ReviewCases cases, MongoTemplate mongo, Clock clock, ClaimProperties properties, MeterRegistry meters) {
        this.cases = cases;
        this.mongo = mongo;
        this.clock = clock;
        this.properties = properties;
        this.meters = meters;
    }

    /** Claims an open case for the caller, or renews the caller's own claim; 409 while another holds it. */
    ReviewCase claim(Caller caller, String applicationNumber) {
        return change(caller, applicationNumber, "claimed", c -> {
            Instant now = clock.instant();
            Optional<Claim> held = c.heldClaim(now);
            if (held.isPresent() && !held.get().reviewer().equals(caller.username())) {
                meters.counter("review.claims", "action", "refused", "region", c.regionCode()).increment();
                throw CaseProblems.claimedByAnother(c, held.get());
            }
            Instant since = held.map(Claim::claimedAt).orElse(now);
            return new Claim(caller.username(), since, now.plus(properties.lease()),
                    held.map(Claim::assignedBy).orElse(null));
        });
    }

    /** Gives a claim up: by its holder, or by a supervisor of the case's region. */
    ReviewCase release(Caller caller, String applicationNumber) {
        return change(caller, applicationNumber, "released", c -> {
            Optional<Claim> held = c.heldClaim(clock.instant());
            if (held.isPresent() && !held.get().reviewer().equals(caller.username()) && !caller.has(Role.SUPERVISOR)) {
                throw CaseProblems.claimedByAnother(c, held.get());
            }
            return null;
        });
    }

    /** A supervisor gives the case to {@code reviewer} with a fresh lease, whoever held it. */
    ReviewCase assign(Caller supervisor, String applicationNumber, String reviewer) {
        return change(supervisor, applicationNumber, "assigned", c -> {
            Instant now = clock.instant();
            return new Claim(reviewer, now, now.plus(properties.lease()), supervisor.username());
        });
    }

    private ReviewCase change(Caller caller, String applicationNumber, String action, ClaimChange next) {
        for (int attempt = 1; ; attempt++) {
            ReviewCase c = cases.find(caller, applicationNumber)
                    .orElseThrow(() -> CaseProblems.notFound(applicationNumber));
            if (!c.status().claimable()) {
                throw CaseProblems.notOpen(c);
            }
            @Nullable Claim claim = next.from(c);
            Update update = (claim == null ? new Update().unset("claim") : new Update().set("claim", claim))
                    .inc("version", 1);
            if (mongo.updateFirst(c.unchanged(), update, ReviewCase.class).getModifiedCount() == 1) {
                meters.counter("review.claims", "action", action, "region", c.regionCode()).increment();
                log.info("Case {} {} by {}{}", applicationNumber, action, caller.username(),
                        claim == null ? "" : " for " + claim.reviewer() + " until " + claim.until());
                return cases.find(applicationNumber).orElseThrow();
            }
            if (attempt == ATTEMPTS) {
                throw CaseProblems.keptChanging(applicationNumber);
            }
        }
    }

    /** The claim a case gets, null to clear it; throws to refuse. */
    @FunctionalInterface
    private interface ClaimChange {
        @Nullable Claim from(ReviewCase c);
    }
}
