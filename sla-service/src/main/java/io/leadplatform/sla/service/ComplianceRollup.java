package io.leadplatform.sla.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Folds the rollup deltas that the triggers on {@code sla_clock} write into the compliance rollup. The report
 * reads rollup and deltas together, so this only keeps the delta tables short; replicas take turns.
 */
@ApplicationScoped
public class ComplianceRollup {

    private final EntityManager em;

    public ComplianceRollup(EntityManager em) {
        this.em = em;
    }

    @Scheduled(every = "${sla.rollup-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        compact();
    }

    /** Returns how many delta rows were folded (0 when another replica is folding). */
    public long compact() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("SELECT sla_rollup_compact()").getSingleResult()).longValue());
    }
}
