package io.leadplatform.support.metrics;

import io.leadplatform.support.outbox.OutboxAppended;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Outbox metrics for Prometheus. {@code outbox_unsent} and {@code outbox_oldest_unsent_age_seconds} are read from the
 * table, so every replica reports the same figure (take max, not sum). {@code outbox_events_committed_total{type}}
 * counts the events this instance committed (sum over replicas): leads captured, qualified, assigned, SLAs met...
 */
@ApplicationScoped
public class OutboxMetrics {

    private static final Logger LOG = Logger.getLogger(OutboxMetrics.class);

    private final MeterRegistry registry;
    private final EntityManager em;
    private final AtomicLong unsent = new AtomicLong();
    private final AtomicLong oldestUnsentAgeSeconds = new AtomicLong();
    private final Map<String, Counter> committed = new ConcurrentHashMap<>();

    public OutboxMetrics(MeterRegistry registry, EntityManager em) {
        this.registry = registry;
        this.em = em;
        Gauge.builder("outbox.unsent", unsent, AtomicLong::get)
                .description("outbox rows not yet marked sent (a confirmed row is marked within outbox.relay-interval)")
                .register(registry);
        Gauge.builder("outbox.oldest.unsent.age", oldestUnsentAgeSeconds, AtomicLong::get).baseUnit("seconds")
                .description("age of the oldest outbox row not yet confirmed by the broker").register(registry);
    }

    /** Counts the event once its transaction has committed. */
    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxAppended appended) {
        committed.computeIfAbsent(appended.type(), t -> Counter.builder("outbox.events.committed")
                .description("events committed to the outbox by this instance, by type")
                .tag("type", t).register(registry)).increment();
    }

    @Scheduled(every = "${outbox.metrics-interval:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void refresh() {
        try {
            Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                    "SELECT count(*), coalesce(extract(epoch FROM now() - min(created_at)), 0) "
                            + "FROM outbox_message WHERE sent_at IS NULL").getSingleResult());
            unsent.set(((Number) row[0]).longValue());
            oldestUnsentAgeSeconds.set(((Number) row[1]).longValue());
        } catch (RuntimeException e) {
            LOG.warnf("outbox metrics not refreshed: %s", e.toString());
        }
    }
}
