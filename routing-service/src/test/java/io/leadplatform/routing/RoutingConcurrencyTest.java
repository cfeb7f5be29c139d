package io.leadplatform.routing;

import io.leadplatform.events.CloudEvent;
import io.leadplatform.events.EventTypes;
import io.leadplatform.events.GoldenFixtures;
import io.leadplatform.events.LeadErased;
import io.leadplatform.events.LeadQualified;
import io.leadplatform.routing.service.RoutingEventHandler;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.LongSummaryStatistics;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** What two replicas routing at once would do, with concurrent transactions on the real database. */
@QuarkusTest
class RoutingConcurrencyTest {

    static final int ROUTERS = 8;

    @Inject
    RoutingEventHandler routing;
    @Inject
    RoutingDatabase db;

    @Test
    void concurrentRoutersTakeOneRoundRobinSlotEach() throws Exception {
        long before = db.queueCursor("inbound-sdr");
        List<UUID> leads = new ArrayList<>();
        for (int i = 0; i < ROUTERS; i++) {
            leads.add(UUID.randomUUID());
        }

        runConcurrently(leads.stream().map(lead -> (Callable<Void>) () -> route(lead, "MQL")).toList());

        assertThat(db.queueCursor("inbound-sdr")).isEqualTo(before + ROUTERS);
        assertThat(leads).allSatisfy(lead -> assertThat(db.assignments(lead)).isEqualTo(1));
    }

    /** Batches (decision 0006) lock the queue once and route each of their leads under that lock. */
    @Test
    void concurrentBatchesTakeOneRoundRobinSlotPerLead() throws Exception {
        long before = db.queueCursor("inbound-sdr");
        List<List<UUID>> batches = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            batches.add(List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                    UUID.randomUUID()));
        }

        runConcurrently(batches.stream().map(batch -> (Callable<Void>) () -> {
            QuarkusTransaction.requiringNew().run(() -> TestRouting.applyQualified(routing,
                    batch.stream().map(lead -> qualified(lead, "MQL")).toList()));
            return null;
        }).toList());

        List<UUID> leads = batches.stream().flatMap(List::stream).toList();
        assertThat(db.queueCursor("inbound-sdr")).isEqualTo(before + leads.size());
        assertThat(leads).allSatisfy(lead -> assertThat(db.assignments(lead)).isEqualTo(1));
        LongSummaryStatistics perAssignee = db.assigneeCounts(leads).values().stream()
                .mapToLong(Long::longValue).summaryStatistics();
        assertThat(perAssignee.getMax() - perAssignee.getMin()).isLessThanOrEqualTo(1);
    }

    @Test
    void concurrentQualificationsOfOneLeadAssignItOnce() throws Exception {
        UUID lead = UUID.randomUUID();
        List<Callable<Void>> calls = new ArrayList<>();
        for (int i = 0; i < ROUTERS; i++) {
            String stage = i % 2 == 0 ? "MQL" : "SQL";
            calls.add(() -> route(lead, stage));
        }

        runConcurrently(calls);

        assertThat(db.assignments(lead)).isEqualTo(1);
        assertThat(db.ledgerEntries(lead)).isEqualTo(1);
        assertThat(db.outboxRows(EventTypes.LEAD_ASSIGNED, lead)).isEqualTo(1);
    }

    /** A batch places its leads at its end (decision 0006): a lead qualified twice in it still gets one assignment. */
    @Test
    void aLeadQualifiedTwiceInOneBatchIsPlacedOnce() {
        UUID lead = UUID.randomUUID();

        QuarkusTransaction.requiringNew().run(() -> TestRouting.applyQualified(routing,
                List.of(qualified(lead, "MQL"), qualified(lead, "SQL"))));

        assertThat(db.assignments(lead)).isEqualTo(1);
        assertThat(db.ledgerEntries(lead)).isEqualTo(1);
        assertThat(db.outboxRows(EventTypes.LEAD_ASSIGNED, lead)).isEqualTo(1);
    }

    /** An erasure applied after the lead's qualification, in the same batch, leaves nothing to place. */
    @Test
    void aLeadErasedInTheBatchThatQualifiedItIsNotPlaced() {
        UUID lead = UUID.randomUUID();
        UUID other = UUID.randomUUID();

        LeadErased erasure = new LeadErased(lead, Instant.now());
        CloudEvent<LeadErased> erased = CloudEvent.of("lead-service", EventTypes.LEAD_ERASED, lead, Instant.now(),
                erasure);

        QuarkusTransaction.requiringNew().run(() -> {
            for (CloudEvent<LeadQualified> event : List.of(qualified(lead, "MQL"), qualified(other, "MQL"))) {
                routing.qualified(event, event.data());
            }
            routing.erased(erased, erasure);
            routing.placePending();
        });

        assertThat(db.assignments(lead)).isZero();
        assertThat(db.outboxRows(EventTypes.LEAD_ASSIGNED, lead)).isZero();
        assertThat(db.assignments(other)).isEqualTo(1);
    }

    private Void route(UUID lead, String stage) {
        CloudEvent<LeadQualified> event = qualified(lead, stage);
        QuarkusTransaction.requiringNew().run(() -> TestRouting.applyQualified(routing, List.of(event)));
        return null;
    }

    private static CloudEvent<LeadQualified> qualified(UUID lead, String stage) {
        LeadQualified golden = GoldenFixtures.data(EventTypes.LEAD_QUALIFIED, LeadQualified.class);
        LeadQualified data = new LeadQualified(lead, stage, golden.modelVersion(), golden.fitGrade(),
                golden.fitScore(), golden.engagementScore(), golden.direction(), golden.channel(), golden.country(),
                golden.region(), golden.industry(), golden.employees(), golden.domain(), golden.consentMarketing(),
                golden.qualifiedAt(), golden.accountTier());
        return CloudEvent.of("scoring-service", EventTypes.LEAD_QUALIFIED, lead, Instant.now(), data);
    }

    /** Starts every call at once and fails the test if any of them failed. */
    private static void runConcurrently(List<Callable<Void>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Void>> results = new ArrayList<>();
            for (Callable<Void> call : calls) {
                results.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            for (Future<Void> result : results) {
                result.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
