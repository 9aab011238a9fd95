package org.mtb.support.outbox;

import java.util.List;
import org.springframework.data.mongodb.core.query.Query;

/**
 * A collection whose marked documents are not published by the relay but handed to their owner: documents that
 * stand for work to do before events exist (review's recorded SLA firings, settled onto cases whose own outboxes
 * then carry the events). The relay claims their marks like any other and removes them once {@link #settle}
 * settled their documents; the others, or all should it throw, are handed over again later.
 */
public interface MarkedDocuments {

    String collection();

    /** The documents not yet settled, for the relay's sweep after a lost mark. */
    Query unsettled();

    /**
     * Settles the documents, and removes them or makes them no longer {@link #unsettled()}; may run again. Answers
     * those it could not settle now, which are handed over again after {@code retry-after}.
     */
    List<Object> settle(List<Object> documentIds);
}
