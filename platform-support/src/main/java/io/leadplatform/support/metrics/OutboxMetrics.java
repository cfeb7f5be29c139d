package io.leadplatform.support.metrics;

import io.leadplatform.support.outbox.OutboxAppended;
import io.leadplatform.support.outbox.OutboxMessage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
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
    private final TransactionSynchronizationRegistry transactions;
    private final AtomicLong unsent = new AtomicLong();
    private final AtomicLong oldestUnsentAgeSeconds = new AtomicLong();
    private final Map<String, Counter> committed = new ConcurrentHashMap<>();

    public OutboxMetrics(MeterRegistry registry, EntityManager em, TransactionSynchronizationRegistry transactions) {
        this.registry = registry;
        this.em = em;
        this.transactions = transactions;
        Gauge.builder("outbox.unsent", unsent, AtomicLong::get)
                .description("outbox rows not yet confirmed by the broker").register(registry);
        Gauge.builder("outbox.oldest.unsent.age", oldestUnsentAgeSeconds, AtomicLong::get).baseUnit("seconds")
                .description("age of the oldest outbox row not yet confirmed by the broker").register(registry);
    }

    /** Runs inside the appending transaction: the row is still in the persistence context, so no query is made. */
    void onAppended(@Observes OutboxAppended appended) {
        OutboxMessage row = em.find(OutboxMessage.class, appended.rowId());
        if (row == null) {
            return;
        }
        String type = row.type;
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    committed.computeIfAbsent(type, t -> Counter.builder("outbox.events.committed")
                            .description("events committed to the outbox by this instance, by type")
                            .tag("type", t).register(registry)).increment();
                }
            }
        });
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
