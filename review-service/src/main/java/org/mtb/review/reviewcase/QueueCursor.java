package org.mtb.review.reviewcase;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.query.Criteria;

/**
 * Where a page of the queue ended: the sort key (deadline, opening, number) of its last case, as an opaque token.
 * The next page starts after it, so a case that opens while a reviewer pages is never skipped or shown twice for
 * its place, and the 501st case is as reachable as the first.
 *
 * @param dueAt null for a case without a deadline, which sorts first
 */
record QueueCursor(@Nullable Instant dueAt, Instant openedAt, String applicationNumber) {

    static QueueCursor after(ReviewCase last) {
        return new QueueCursor(last.sla() == null ? null : last.sla().dueAt(), last.openedAt(),
                last.applicationNumber());
    }

    String token() {
        String plain = (dueAt == null ? "-" : Long.toString(dueAt.toEpochMilli())) + "|" + openedAt.toEpochMilli()
                + "|" + applicationNumber;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor of a token this service gave out; empty for anything else. */
    static Optional<QueueCursor> parse(String token) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\\|", 3);
            if (parts.length != 3 || parts[2].isEmpty()) {
                return Optional.empty();
            }
            Instant due = parts[0].equals("-") ? null : Instant.ofEpochMilli(Long.parseLong(parts[0]));
            return Optional.of(new QueueCursor(due, Instant.ofEpochMilli(Long.parseLong(parts[1])), parts[2]));
        } catch (IllegalArgumentException notOurs) {
            return Optional.empty();
        }
    }

    /** The cases that sort after this one, in the order (sla.dueAt, openedAt, _id) with cases without a deadline first. */
    Criteria following() {
        Criteria laterInSameDeadline = new Criteria().orOperator(Criteria.where("openedAt").gt(openedAt),
                new Criteria().andOperator(Criteria.where("openedAt").is(openedAt),
                        Criteria.where("_id").gt(applicationNumber)));
        if (dueAt == null) {
            return new Criteria().orOperator(
                    new Criteria().andOperator(Criteria.where("sla.dueAt").is(null), laterInSameDeadline),
                    Criteria.where("sla.dueAt").ne(null));
        }
        return new Criteria().orOperator(Criteria.where("sla.dueAt").gt(dueAt),
                new Criteria().andOperator(Criteria.where("sla.dueAt").is(dueAt), laterInSameDeadline));
    }
}
