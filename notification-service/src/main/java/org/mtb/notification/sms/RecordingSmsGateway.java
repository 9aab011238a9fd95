package org.mtb.notification.sms;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.mtb.contracts.PersonalData;
import org.mtb.contracts.TimeOrderedIds;
import org.mtb.support.crypto.BlindIndex;
import org.mtb.support.mongo.UnorderedInserts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The gateway in use until an SMS provider is contracted: it "delivers" by writing the text to
 * {@value RecordedSms#COLLECTION}, so that what applicants would receive can be checked end to end; a batch in one
 * insert.
 */
@Component
class RecordingSmsGateway implements SmsGateway {

    private static final Logger log = LoggerFactory.getLogger(RecordingSmsGateway.class);

    private final MongoTemplate mongo;
    private final Clock clock;
    private final BlindIndex index;

    RecordingSmsGateway(MongoTemplate mongo, Clock clock, BlindIndex index) {
        this.mongo = mongo;
        this.clock = clock;
        this.index = index;
    }

    @Override
    public SmsReceipt send(String phone, String text) {
        String id = TimeOrderedIds.next().toString();
        mongo.insert(new RecordedSms(id, PersonalData.maskPhone(phone), index.of("phone", phone), text, clock.instant()));
        // The application number is in the logging context (MDC) of the caller. At DEBUG: the delivery logs each SMS
        // sent, with this id as the provider's, at INFO already.
        log.debug("SMS {} recorded for {} ({} characters)", id, PersonalData.maskPhone(phone), text.length());
        return new SmsReceipt(id);
    }

    /**
     * Records a batch in one insert, as a provider's batch interface takes it in one call; each text is sent or failed
     * on its own, as a provider answers per text.
     */
    @Override
    public List<SmsOutcome> sendAll(List<OutgoingSms> texts) {
        List<RecordedSms> recorded = texts.stream().map(sms -> new RecordedSms(TimeOrderedIds.next().toString(),
                PersonalData.maskPhone(sms.phone()), index.of("phone", sms.phone()), sms.text(), clock.instant())).toList();
        UnorderedInserts.Outcome outcome;
        try {
            outcome = UnorderedInserts.insert(mongo, RecordedSms.class, RecordedSms.COLLECTION, recorded);
        } catch (RuntimeException refused) {
            return texts.stream().map(sms -> SmsOutcome.failed(refused)).toList();
        }
        List<SmsOutcome> outcomes = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            RuntimeException refused = outcome.exceptionFor(i);
            if (refused != null) {
                outcomes.add(SmsOutcome.failed(refused));
                continue;
            }
            log.debug("SMS {} about {} recorded for {} ({} characters)", recorded.get(i).id(),
                    texts.get(i).reference(), recorded.get(i).phoneMasked(), texts.get(i).text().length());
            outcomes.add(SmsOutcome.sent(new SmsReceipt(recorded.get(i).id())));
        }
        return outcomes;
    }
}
