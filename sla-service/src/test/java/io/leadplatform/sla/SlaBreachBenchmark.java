package io.leadplatform.sla;

import io.leadplatform.sla.config.SlaConfig;
import io.leadplatform.sla.service.ComplianceService;
import io.leadplatform.support.testing.MutableClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * The benchmark, not a test: skipped unless {@code -Dbenchmark.sla-clocks=N} is given (see the README). It keeps
 * the service's clock in step with the wall clock, arms N clocks due over one minute, lets the application's own
 * timer and relay work, and writes breach-detection lag (due → breached), publish lag (due → sla.breached
 * confirmed by the broker) and the compliance query time (as served, and straight from the clocks) to
 * {@code benchmarks/}.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "benchmark.sla-clocks", matches = "\\d+")
class SlaBreachBenchmark {

    @Inject
    MutableClock clock;
    @Inject
    EntityManager em;
    @Inject
    ComplianceService compliance;
    @Inject
    SlaConfig config;

    @Test
    void armClocksAndMeasureBreachLag() throws Exception {
        int n = Integer.getInteger("benchmark.sla-clocks");
        Duration spread = Duration.ofSeconds(Long.getLong("benchmark.sla-spread-seconds", 60));
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        ticker.scheduleAtFixedRate(() -> {
            Duration behind = Duration.between(clock.instant(), Instant.now());
            if (behind.isPositive()) {
                clock.advance(behind);
            }
        }, 0, 5, TimeUnit.MILLISECONDS);
        try {
            String queue = "bench-" + UUID.randomUUID();
            Instant armStart = Instant.now();
            long leadSeconds = Long.getLong("benchmark.sla-lead-seconds", 15);
            OffsetDateTime firstDue = OffsetDateTime.ofInstant(armStart.plusSeconds(leadSeconds), ZoneOffset.UTC);
            double stepMillis = (double) spread.toMillis() / n;
            for (int from = 0; from < n; from += 100_000) {
                int lo = from;
                int hi = Math.min(n, from + 100_000) - 1;
                QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("INSERT INTO sla_clock (id, "
                                + "lead_id, assignment_id, clock_type, policy_version, owning_org, queue_name, assignee, "
                                + "status, started_at, due_at, calendar_name) SELECT gen_random_uuid(), "
                                + "gen_random_uuid(), gen_random_uuid(), 'FIRST_TOUCH', 'bench-1', "
                                + "CASE WHEN g % 2 = 0 THEN 'MARKETING' ELSE 'SALES' END, :q, 'bench', 'RUNNING', "
                                + "CAST(:due AS timestamptz) - interval '5 minutes', "
                                + "CAST(:due AS timestamptz) + g * :step * interval '1 millisecond', '24x7' "
                                + "FROM generate_series(:lo, :hi) g")
                        .setParameter("q", queue).setParameter("due", firstDue).setParameter("step", stepMillis)
                        .setParameter("lo", lo).setParameter("hi", hi).executeUpdate());
            }
            Duration arming = Duration.between(armStart, Instant.now());

            await().atMost(Duration.ofHours(2)).pollInterval(Duration.ofSeconds(2)).until(() ->
                    count("SELECT count(*) FROM sla_clock WHERE queue_name = :q AND status = 'BREACHED'", queue) == n);
            Instant allBreached = Instant.now();
            await().atMost(Duration.ofHours(2)).pollInterval(Duration.ofSeconds(2)).until(() -> count(
                    "SELECT count(*) FROM outbox_message o JOIN sla_clock c ON o.subject = c.lead_id::text "
                            + "WHERE c.queue_name = :q AND o.type = 'sla.breached' AND o.sent_at IS NOT NULL", queue)
                    == n);
            Instant allPublished = Instant.now();

            Object[] breach = percentiles("SELECT extract(epoch FROM c.breached_at - c.due_at) * 1000 AS lag "
                    + "FROM sla_clock c WHERE c.queue_name = :q", queue);
            Object[] publish = percentiles("SELECT extract(epoch FROM o.sent_at - c.due_at) * 1000 AS lag "
                    + "FROM outbox_message o JOIN sla_clock c ON o.subject = c.lead_id::text "
                    + "WHERE c.queue_name = :q AND o.type = 'sla.breached'", queue);
            long early = count("SELECT count(*) FROM sla_clock WHERE queue_name = :q AND breached_at < due_at", queue);

            long total = count("SELECT count(*) FROM sla_clock WHERE queue_name <> :q OR queue_name IS NULL", queue)
                    + n;
            String load = Files.readString(Path.of("/proc/loadavg")).strip();
            List<Long> queryMillis = queryMillis(ComplianceService.Source.AUTO);
            List<Long> clocksMillis = queryMillis(ComplianceService.Source.CLOCKS);
            String source = compliance.report("queue", "2000-01-01", Instant.now().plusSeconds(60).toString(), null)
                    .source();

            String result = String.format("""
                    # Breach-detection benchmark

                    Command: `./mvnw -B -o -f sla-service/pom.xml test -Dtest=SlaBreachBenchmark \
                    -Dbenchmark.sla-clocks=%d -Dbenchmark.sla-spread-seconds=%d -Dbenchmark.sla-lead-seconds=%d`
                    Run at %s on this machine (2 shared cores, PostgreSQL and RabbitMQ local, load average
                    %s when measured), one sla-service instance (the scheduled timer, %d workers, batch %s, every
                    %s) and its outbox relay.

                    | Figure | Value |
                    |---|---|
                    | clocks armed | %d, due evenly over %d s, starting %d s after arming began |
                    | arming time | %d ms |
                    | breach-detection lag (due → breached) p50 / p99 / max | %.0f / %.0f / %.0f ms |
                    | publish lag (due → sla.breached confirmed) p50 / p99 / max | %.0f / %.0f / %.0f ms |
                    | breached before due | %d |
                    | all breached / all published after arming began | %d s / %d s |
                    | compliance query (groupBy=queue over %d clocks), median of 5, as served (%s) | %d ms (runs: %s) |
                    | the same straight from sla_clock (exact percentiles, no rollup), median of 5 | %d ms (runs: %s) |
                    """, n, spread.toSeconds(), leadSeconds, armStart, load, config.timerWorkers(),
                    config.timerBatchSize(), config.timerInterval(), n, spread.toSeconds(), leadSeconds,
                    arming.toMillis(),
                    breach[0], breach[1], breach[2], publish[0], publish[1], publish[2], early,
                    Duration.between(armStart, allBreached).toSeconds(),
                    Duration.between(armStart, allPublished).toSeconds(), total, source, median(queryMillis),
                    queryMillis, median(clocksMillis), clocksMillis);
            Path out = Path.of("benchmarks", "breach-lag-" + n + ".md");
            Files.createDirectories(out.getParent());
            Files.writeString(out, result);
            System.out.println(result);
        } finally {
            ticker.shutdownNow();
        }
    }

    private List<Long> queryMillis(ComplianceService.Source source) {
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long t0 = System.nanoTime();
            compliance.report("queue", "2000-01-01", Instant.now().plusSeconds(60).toString(), null, source);
            millis.add((System.nanoTime() - t0) / 1_000_000);
        }
        return millis;
    }

    private static long median(List<Long> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }

    private Object[] percentiles(String lags, String queue) {
        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                        "SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY lag), "
                                + "percentile_cont(0.99) WITHIN GROUP (ORDER BY lag), max(lag) FROM (" + lags + ") l")
                .setParameter("q", queue).getSingleResult());
        return new Object[] {((Number) row[0]).doubleValue(), ((Number) row[1]).doubleValue(),
                ((Number) row[2]).doubleValue()};
    }

    private long count(String sql, String queue) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql)
                .setParameter("q", queue).getSingleResult()).longValue());
    }
}
