package io.leadplatform.sla.service;

import io.leadplatform.sla.config.SlaConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The durable timer: due times live in {@code sla_clock}, so a restart loses nothing, and replicas (and the
 * workers of one instance) share the work because each batch locks its rows with {@code FOR UPDATE SKIP LOCKED}.
 */
@ApplicationScoped
public class SlaTimer {

    private static final Logger LOG = Logger.getLogger(SlaTimer.class);

    private final SlaClockService service;
    private final SlaConfig config;
    private final ExecutorService helpers;

    public SlaTimer(SlaClockService service, SlaConfig config) {
        this.service = service;
        this.config = config;
        this.helpers = Executors.newFixedThreadPool(Math.max(1, config.timerWorkers() - 1),
                Thread.ofPlatform().name("sla-timer-", 1).daemon().factory());
    }

    @Scheduled(every = "${sla.timer-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void tick() {
        List<Future<?>> running = new ArrayList<>();
        for (int i = 1; i < config.timerWorkers(); i++) {
            running.add(helpers.submit(this::drain));
        }
        drain();
        for (Future<?> f : running) {
            try {
                f.get();
            } catch (ExecutionException e) {
                LOG.warn("a timer worker failed; the next tick retries its clocks", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void drain() {
        int limit = config.timerBatchSize();
        // Breaches first: a clock already past due gets no late warning.
        while (QuarkusTransaction.requiringNew().call(() -> service.breachDue(limit)) == limit) {
            // more overdue clocks wait
        }
        while (QuarkusTransaction.requiringNew().call(() -> service.warnDue(limit)) == limit) {
            // more clocks to warn
        }
    }

    @PreDestroy
    void stop() {
        helpers.shutdownNow();
    }
}
