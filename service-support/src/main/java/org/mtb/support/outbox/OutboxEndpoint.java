package org.mtb.support.outbox;

import java.util.List;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * {@code /actuator/outbox}: the documents whose events Kafka kept refusing, for ops to look into, and their requeue
 * once the cause is removed ({@code POST} with {@code {"parkedId": "..."}}).
 */
@Endpoint(id = "outbox")
class OutboxEndpoint {

    private final OutboxRelay relay;

    OutboxEndpoint(OutboxRelay relay) {
        this.relay = relay;
    }

    @ReadOperation
    OutboxReport report() {
        return new OutboxReport(relay.parked());
    }

    @WriteOperation
    Requeued requeue(String parkedId) {
        return new Requeued(parkedId, relay.requeue(parkedId));
    }

    /** What ops see. */
    record OutboxReport(List<ParkedEvents.Parked> parked) {
    }

    /** @param requeued false when nothing by that id was parked */
    record Requeued(String parkedId, boolean requeued) {
    }
}
