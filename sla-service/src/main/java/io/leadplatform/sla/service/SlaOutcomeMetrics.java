package io.leadplatform.sla.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadplatform.events.EventTypes;
import io.leadplatform.sla.domain.SlaClock;
import io.leadplatform.support.outbox.OutboxAppended;
import io.leadplatform.support.outbox.OutboxMessage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.jboss.logging.Logger;

import java.util.UUID;

/**
 * {@code sla_met_total{org,queue,clock_type}}, the counterpart of {@code sla_breaches_total} on the dashboard: counted
 * when an {@code sla.met} event commits. The clock was just updated in the same transaction, so it is read from the
 * persistence context, not the database.
 */
@ApplicationScoped
public class SlaOutcomeMetrics {

    private static final Logger LOG = Logger.getLogger(SlaOutcomeMetrics.class);

    private final MeterRegistry registry;
    private final EntityManager em;
    private final TransactionSynchronizationRegistry transactions;
    private final ObjectMapper json;

    public SlaOutcomeMetrics(MeterRegistry registry, EntityManager em, TransactionSynchronizationRegistry transactions,
            ObjectMapper json) {
        this.registry = registry;
        this.em = em;
        this.transactions = transactions;
        this.json = json;
    }

    void onAppended(@Observes OutboxAppended appended) {
        OutboxMessage row = em.find(OutboxMessage.class, appended.rowId());
        if (row == null || !EventTypes.SLA_MET.equals(row.type)) {
            return;
        }
        SlaClock clock;
        try {
            JsonNode clockId = json.readTree(row.payload).path("data").path("clockId");
            clock = clockId.isTextual() ? em.find(SlaClock.class, UUID.fromString(clockId.asText())) : null;
        } catch (Exception e) {
            LOG.debugf("sla.met %s not counted: %s", row.id, e);
            return;
        }
        if (clock == null) {
            return;
        }
        Counter met = Counter.builder("sla.met").description("SLA clocks met, by this instance")
                .tag("org", clock.owningOrg == null ? "none" : clock.owningOrg)
                .tag("queue", clock.queueName == null ? "none" : clock.queueName)
                .tag("clock_type", clock.clockType.name())
                .register(registry);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    met.increment();
                }
            }
        });
    }
}
