package org.mtb.review.sla;

import java.time.Duration;
import org.mtb.support.scheduling.DedicatedLoop;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Deadlines are reconciled on a thread of their own, never on a consumer's: a region may hold many open cases. */
@Configuration(proxyBeanMethods = false)
class ReconcileLoop {

    /** How soon a region whose calendar or catalog changed is looked at. */
    private static final Duration PACE = Duration.ofSeconds(1);

    @Bean
    DedicatedLoop slaReconcileLoop(SlaRecompute recompute) {
        return new DedicatedLoop("sla-reconcile", PACE, PACE, recompute::round);
    }
}
