package io.leadplatform.sla;

import io.leadplatform.sla.service.SlaClockService;
import io.leadplatform.support.testing.MutableClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two timer workers (as two replicas would) plus the application's own scheduled timer race over 10,000 clocks
 * that fell due within one minute: each is breached exactly once, none before its due time.
 */
@QuarkusTest
class SlaTimerConcurrencyTest {

    static final int DUE = 10_000;
    static final int NOT_YET_DUE = 100;

    @Inject
    SlaClockService service;
    @Inject
    EntityManager em;
    @Inject
    MutableClock clock;

    @Test
    void tenThousandClocksDueWithinAMinuteBreachExactlyOnceUnderTwoConcurrentWorkers() throws Exception {
        String queue = "timer-load-" + UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        QuarkusTransaction.requiringNew().run(() -> {
            insert(queue, now, DUE, "CAST(:now AS timestamptz) - g * interval '6 milliseconds'");
            insert(queue, now, NOT_YET_DUE, "CAST(:now AS timestamptz) + (g + 1) * interval '600 milliseconds'");
        });

        ExecutorService workers = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> worker = () -> {
                int total = 0;
                int batch;
                while ((batch = QuarkusTransaction.requiringNew().call(() -> service.breachDue(200))) > 0) {
                    total += batch;
                }
                return total;
            };
            List<Future<Integer>> done = workers.invokeAll(List.of(worker, worker));
            for (Future<Integer> f : done) {
                assertThat(f.get()).isNotNegative();
            }
        } finally {
            workers.shutdown();
        }

        // The scheduled timer may still be committing the batch it took; wait for it, then count.
        await().atMost(Duration.ofSeconds(60)).until(() -> count(
                "SELECT count(*) FROM sla_clock WHERE queue_name = :q AND status = 'BREACHED'", queue) == DUE);
        assertThat(count("SELECT count(*) FROM sla_clock WHERE queue_name = :q AND breached_at < due_at", queue))
                .isZero();
        assertThat(count("SELECT count(*) FROM sla_clock WHERE queue_name = :q AND status = 'RUNNING'", queue))
                .isEqualTo(NOT_YET_DUE);
        String breaches = "FROM outbox_message WHERE type = 'sla.breached' AND subject IN "
                + "(SELECT lead_id::text FROM sla_clock WHERE queue_name = :q)";
        assertThat(count("SELECT count(*) " + breaches, queue)).isEqualTo(DUE);
        assertThat(count("SELECT count(DISTINCT subject) " + breaches, queue)).isEqualTo(DUE);

        // The load is not for the broker: spare the relay, and retire the clocks not yet due.
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("UPDATE outbox_message SET sent_at = :now WHERE sent_at IS NULL AND type = "
                    + "'sla.breached' AND subject IN (SELECT lead_id::text FROM sla_clock WHERE queue_name = :q)")
                    .setParameter("now", now).setParameter("q", queue).executeUpdate();
            em.createNativeQuery("DELETE FROM sla_clock WHERE queue_name = :q AND status = 'RUNNING'")
                    .setParameter("q", queue).executeUpdate();
        });
    }

    private void insert(String queue, OffsetDateTime now, int rows, String dueAt) {
        em.createNativeQuery("INSERT INTO sla_clock (id, lead_id, assignment_id, clock_type, policy_version, "
                        + "owning_org, queue_name, assignee, status, started_at, due_at, calendar_name) "
                        + "SELECT gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), 'FIRST_TOUCH', 'load-1', "
                        + "'MARKETING', :q, 'load', 'RUNNING', CAST(:now AS timestamptz) - interval '5 minutes', "
                        + dueAt + ", '24x7' FROM generate_series(0, :n - 1) g")
                .setParameter("q", queue).setParameter("now", now).setParameter("n", rows).executeUpdate();
    }

    private long count(String sql, String queue) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql)
                .setParameter("q", queue).getSingleResult()).longValue());
    }

}
