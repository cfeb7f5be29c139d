package io.leadplatform.sla.service;

import io.leadplatform.sla.config.SlaConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The durable timer: due times live in {@code sla_clock}, so a restart loses nothing, and replicas share the
 * work because each batch locks its rows with {@code FOR UPDATE SKIP LOCKED}.
 */
@ApplicationScoped
public class SlaTimer {

    private final SlaClockService service;
    private final SlaConfig config;

    public SlaTimer(SlaClockService service, SlaConfig config) {
        this.service = service;
        this.config = config;
    }

    @Scheduled(every = "${sla.timer-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void tick() {
        int limit = config.timerBatchSize();
        // Breaches first: a clock already past due gets no late warning.
        while (QuarkusTransaction.requiringNew().call(() -> service.breachDue(limit)) == limit) {
            // more overdue clocks wait
        }
        while (QuarkusTransaction.requiringNew().call(() -> service.warnDue(limit)) == limit) {
            // more clocks to warn
        }
    }
}
