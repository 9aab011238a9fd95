package org.mtb.support.outbox;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * {@code /actuator/outbox}: the documents whose events Kafka kept refusing, for ops to look into; {@code POST} with
 * {@code {"parkedId": "..."}} requeues one once the cause is removed (without a body, every one), and
 * {@code DELETE /actuator/outbox/{parkedId}} discards the parked events of one for good.
 */
@Endpoint(id = "outbox")
class OutboxEndpoint {

    private final ParkingDesk desk;

    OutboxEndpoint(ParkingDesk desk) {
        this.desk = desk;
    }

    @ReadOperation
    OutboxReport report() {
        return new OutboxReport(desk.parked());
    }

    @WriteOperation
    Requeued requeue(@Nullable String parkedId) {
        return new Requeued(parkedId, desk.requeue(parkedId));
    }

    @DeleteOperation
    Discarded discard(@Selector String parkedId) {
        return new Discarded(parkedId, desk.discard(parkedId));
    }

    /** What ops see. */
    record OutboxReport(List<ParkedEvents.Parked> parked) {
    }

    /** @param requeued how many parked documents went back into the rounds */
    record Requeued(@Nullable String parkedId, int requeued) {
    }

    /** @param discarded false when nothing by that id was parked */
    record Discarded(String parkedId, boolean discarded) {
    }
}
