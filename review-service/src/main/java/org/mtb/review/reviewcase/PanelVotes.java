package org.mtb.review.reviewcase;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.mtb.support.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The votes of a panel (医学鉴定 by several experts, where the region's routing asks for one): each reviewer's decision
 * is kept as a vote, a second vote of the same reviewer replacing the first; once as many reviewers as the panel has
 * voted alike, the case is decided with their reasons together; votes that differ wait for a supervisor, whose
 * decision is final.
 */
@Component
class PanelVotes {

    private static final Logger log = LoggerFactory.getLogger(PanelVotes.class);

    private final MongoTemplate mongo;
    private final Clock clock;

    PanelVotes(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** The decision of a panel that agrees, made by {@code decide} in the same conditional update as the last vote. */
    interface Decide {
        boolean decide(ReviewCase open, DecisionRequest request, DecisionRules.Checked checked, String reviewerId,
                List<PanelVote> votes);
    }

    /** Records the vote; answers false when the case changed meanwhile (the caller reads it again). */
    boolean vote(ReviewCase open, DecisionRequest request, DecisionRules.Checked checked, Caller reviewer,
            Decide decide) {
        List<String> reasons = checked.told(request);
        PanelVote vote = new PanelVote(reviewer.username(), request.outcome(), reasons, checked.reasonCodes(),
                checked.checklist(), clock.instant());
        List<PanelVote> votes = new ArrayList<>(open.panelVotes().stream()
                .filter(v -> !v.reviewer().equals(reviewer.username())).toList());
        votes.add(vote);
        boolean complete = votes.size() >= open.panelSize();
        boolean agreed = complete && votes.stream().allMatch(v -> v.outcome() == vote.outcome());
        if (agreed) {
            LinkedHashSet<String> allReasons = new LinkedHashSet<>();
            LinkedHashSet<String> allCodes = new LinkedHashSet<>();
            votes.forEach(v -> {
                allReasons.addAll(v.reasons());
                allCodes.addAll(v.reasonCodes());
            });
            DecisionRequest together = new DecisionRequest(request.outcome(), List.of(), null, null, null);
            boolean decided = decide.decide(open, together, new DecisionRules.Checked(List.copyOf(allCodes),
                    List.copyOf(allReasons), checked.checklist()), reviewer.subject(), votes);
            if (decided) {
                log.info("Case {} decided {} by a panel of {}", open.applicationNumber(), vote.outcome(), votes.size());
            }
            return decided;
        }
        boolean stored = mongo.updateFirst(open.unchanged(), new Update().set("votes", votes).inc("version", 1),
                ReviewCase.class).getModifiedCount() == 1;
        if (stored) {
            log.info("Case {}: panel vote {} of {}{}", open.applicationNumber(), votes.size(), open.panelSize(),
                    complete ? ", votes differ: a supervisor decides" : "");
        }
        return stored;
    }
}
