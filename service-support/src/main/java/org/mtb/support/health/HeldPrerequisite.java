package org.mtb.support.health;

import java.util.function.LongSupplier;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * Health of what a service must hold before it can do its work, such as intake's copy of the regional catalogs, which
 * reaches it over Kafka some seconds after it started: {@code OUT_OF_SERVICE} (so {@code /actuator/health} answers
 * 503) while it holds none, {@code UP} with how many it holds, {@code DOWN} when they cannot be counted. A local
 * stack's "All up", a compose health check or a load balancer then wait until the service can serve, instead of
 * sending it requests it can only refuse. Registered by the service under the bean name {@code <component>HealthIndicator}.
 */
public final class HeldPrerequisite extends AbstractHealthIndicator {

    private final String counted;
    private final LongSupplier held;
    private final String missing;

    /**
     * @param counted the detail naming what is counted, e.g. {@code regions}
     * @param held how many are held now
     * @param missing the reason shown while none is held
     */
    public HeldPrerequisite(String counted, LongSupplier held, String missing) {
        super("Cannot count the " + counted + " held");
        this.counted = counted;
        this.held = held;
        this.missing = missing;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        long count = held.getAsLong();
        if (count == 0) {
            builder.status(Status.OUT_OF_SERVICE).withDetail(counted, 0L).withDetail("reason", missing);
        } else {
            builder.up().withDetail(counted, count);
        }
    }
}
