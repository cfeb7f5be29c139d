package io.leadplatform.sla.service;

import io.leadplatform.sla.domain.ClockType;
import io.leadplatform.sla.domain.SlaClock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Prometheus metrics per org, queue and clock type, never per person: open clocks (read from the table, so every
 * replica reports the same figure), breaches and time to first touch as histograms.
 */
@ApplicationScoped
public class SlaMetrics {

    private final MeterRegistry registry;
    private final EntityManager em;
    private final Map<Tags, AtomicLong> open = new ConcurrentHashMap<>();

    public SlaMetrics(MeterRegistry registry, EntityManager em) {
        this.registry = registry;
        this.em = em;
    }

    public void breached(String owningOrg, String queueName, ClockType type) {
        Counter.builder("sla.breaches").description("SLA clocks breached by this instance")
                .tags(tags(owningOrg, queueName, type)).register(registry).increment();
    }

    /** {@code sla_met_total{org,queue,clock_type}}, the dashboard's counterpart of {@code sla_breaches_total}. */
    public void met(SlaClock c) {
        Counter.builder("sla.met").description("SLA clocks met, by this instance").tags(tags(c)).register(registry)
                .increment();
    }

    public void touched(SlaClock c) {
        DistributionSummary.builder("sla.time.to.first.touch.wall").baseUnit("seconds")
                .description("wall time from assignment to first touch").publishPercentileHistogram()
                .tags(tags(c)).register(registry).record(c.touchWallMs / 1000.0);
        DistributionSummary.builder("sla.time.to.first.touch.business").baseUnit("seconds")
                .description("business time from assignment to first touch").publishPercentileHistogram()
                .tags(tags(c)).register(registry).record(c.touchBusinessMs / 1000.0);
    }

    @Scheduled(every = "${sla.metrics-interval:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void refreshOpenClocks() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT coalesce(owning_org, 'none'), coalesce(queue_name, 'none'), clock_type, count(*) "
                        + "FROM sla_clock WHERE status IN ('RUNNING', 'PAUSED') GROUP BY 1, 2, 3").getResultList());
        Map<Tags, Long> counts = new HashMap<>();
        rows.forEach(r -> counts.put(Tags.of("org", (String) r[0], "queue", (String) r[1], "clock_type",
                (String) r[2]), ((Number) r[3]).longValue()));
        // A group that has no open clock any more reports 0 rather than disappearing.
        open.forEach((tags, value) -> value.set(counts.getOrDefault(tags, 0L)));
        counts.forEach((tags, count) -> open.computeIfAbsent(tags, t -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder("sla.clocks.open", value, AtomicLong::get).description("running or paused SLA clocks")
                    .tags(t).strongReference(true).register(registry);
            return value;
        }).set(count));
    }

    private static Tags tags(SlaClock c) {
        return tags(c.owningOrg, c.queueName, c.clockType);
    }

    private static Tags tags(String owningOrg, String queueName, ClockType type) {
        return Tags.of("org", owningOrg == null ? "none" : owningOrg, "queue", queueName == null ? "none" : queueName,
                "clock_type", type.name());
    }
}
