package io.leadplatform.routing;

import io.leadplatform.routing.service.RoutingEventHandler;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.leadplatform.routing.TestRouting.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two routers sharing one stream of 1,000 qualified leads, each with its own pool of consumer threads and its own
 * transactions on the real database, as two replicas would: every lead is assigned exactly once and round-robin
 * counts differ by at most one.
 */
@QuarkusTest
class TwoInstancesTest {

    static final Logger LOG = Logger.getLogger(TwoInstancesTest.class);
    static final int LEADS = 1000;
    static final int INSTANCES = 2;
    static final int CONSUMERS_PER_INSTANCE = 4;

    @Inject
    RoutingEventHandler routing;
    @Inject
    EntityManager em;

    @AfterEach
    void restore() {
        restoreDefaultPolicy();
    }

    @Test
    void oneThousandLeadsAreEachAssignedOnceAndFairly() throws Exception {
        String queue = queue(unique("fair"), "MARKETING", "ROUND_ROBIN");
        members(queue, List.of(member("fair-a"), member("fair-b"), member("fair-c")));
        String industry = routeIndustryTo(queue);
        ConcurrentLinkedQueue<UUID> stream = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < LEADS; i++) {
            stream.add(UUID.randomUUID());
        }
        // Every lead is delivered twice, once to each instance, as a redelivery after a crash would.
        ConcurrentLinkedQueue<UUID> redelivered = new ConcurrentLinkedQueue<>(stream);

        List<ExecutorService> instances = new ArrayList<>();
        List<Future<?>> running = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < INSTANCES; i++) {
            ExecutorService instance = Executors.newFixedThreadPool(CONSUMERS_PER_INSTANCE);
            instances.add(instance);
            ConcurrentLinkedQueue<UUID> source = i == 0 ? stream : redelivered;
            for (int c = 0; c < CONSUMERS_PER_INSTANCE; c++) {
                running.add(instance.submit(() -> {
                    for (UUID lead = source.poll(); lead != null; lead = source.poll()) {
                        route(routing, qualified(lead, industry, null));
                    }
                }));
            }
        }
        for (Future<?> f : running) {
            f.get(5, TimeUnit.MINUTES);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        instances.forEach(ExecutorService::shutdownNow);
        LOG.infof("two routers: %d leads (%d deliveries) assigned in %.2f s = %.0f assignments/s", LEADS, 2 * LEADS,
                seconds, LEADS / seconds);

        Map<String, Long> perMember = new java.util.HashMap<>();
        QuarkusTransaction.requiringNew().run(() -> {
            List<?> rows = em.createNativeQuery(
                            "SELECT assignee, count(*) FROM assignment WHERE queue_id = :q GROUP BY assignee")
                    .setParameter("q", UUID.fromString(queue)).getResultList();
            for (Object row : rows) {
                Object[] r = (Object[]) row;
                perMember.put((String) r[0], ((Number) r[1]).longValue());
            }
        });
        long perLeadMax = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "SELECT coalesce(max(c), 0) FROM (SELECT count(*) c FROM assignment WHERE queue_id = :q "
                                + "GROUP BY lead_id) x")
                .setParameter("q", UUID.fromString(queue)).getSingleResult()).longValue());

        assertThat(perMember.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(LEADS);
        assertThat(perLeadMax).isEqualTo(1);
        assertThat(perMember).hasSize(3);
        long max = perMember.values().stream().mapToLong(Long::longValue).max().orElseThrow();
        long min = perMember.values().stream().mapToLong(Long::longValue).min().orElseThrow();
        assertThat(max - min).isLessThanOrEqualTo(1);
    }
}
