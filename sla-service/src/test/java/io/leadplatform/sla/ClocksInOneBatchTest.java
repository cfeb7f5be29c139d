package io.leadplatform.sla;

import io.leadplatform.events.LeadAssigned;
import io.leadplatform.events.LeadCaptured;
import io.leadplatform.events.LeadErased;
import io.leadplatform.events.LeadTouched;
import io.leadplatform.sla.service.SlaEventHandler;
import io.leadplatform.support.inbox.EventHandlers;
import io.leadplatform.support.inbox.InboundEvents;
import io.leadplatform.support.testing.MutableClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import static io.leadplatform.events.EventTypes.LEAD_ASSIGNED;
import static io.leadplatform.events.EventTypes.LEAD_CAPTURED;
import static io.leadplatform.events.EventTypes.LEAD_ERASED;
import static io.leadplatform.events.EventTypes.LEAD_TOUCHED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One lead's events applied as one batch, in one transaction, as the inbox lanes do when they fall behind, on the
 * real database: each event sees the clocks the earlier ones started or deleted although nothing was flushed
 * between them (the transaction's locked clocks, SlaClockRepository#lockAllOfLead).
 */
@QuarkusTest
class ClocksInOneBatchTest {

    @Inject
    InboundEvents inbound;
    @Inject
    SlaEventHandler clocks;
    @Inject
    EntityManager em;
    @Inject
    MutableClock clock;

    final Map<UUID, String> answers = new ConcurrentHashMap<>();

    EventHandlers handlers() {
        return EventHandlers.forConsumer("clocks-in-one-batch-test-" + UUID.randomUUID())
                .on(LEAD_CAPTURED, LeadCaptured.class, clocks::captured)
                .on(LEAD_ASSIGNED, LeadAssigned.class, clocks::assigned)
                .on(LEAD_TOUCHED, LeadTouched.class, clocks::touched)
                .on(LEAD_ERASED, LeadErased.class, clocks::erased);
    }

    Message<byte[]> message(byte[] body) {
        UUID id = UUID.randomUUID();
        return Message.of(body, metadata -> {
            answers.put(id, "ack");
            return CompletableFuture.completedFuture(null);
        }, (failure, metadata) -> {
            answers.put(id, "nack " + failure);
            return CompletableFuture.completedFuture(null);
        });
    }

    void applyAsOneBatch(byte[]... bodies) {
        List<Message<byte[]>> batch = Arrays.stream(bodies).map(this::message).toList();
        inbound.handleAll(batch, handlers()).toCompletableFuture().join();
        assertThat(answers).hasSize(bodies.length).allSatisfy((id, answer) -> assertThat(answer).isEqualTo("ack"));
    }

    /** Days before the service's clock, so these clocks stay out of the windows other tests report on. */
    Instant past() {
        return clock.instant().minus(Duration.ofDays(2));
    }

    @SuppressWarnings("unchecked")
    List<Object[]> clocksOf(UUID lead) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("SELECT clock_type, status, "
                + "assignment_id FROM sla_clock WHERE lead_id = :lead ORDER BY started_at, id")
                .setParameter("lead", lead).getResultList());
    }

    @Test
    void aTouchMeetsTheClockThatTheAssignmentBeforeItInTheBatchStarted() {
        UUID lead = UUID.randomUUID();
        UUID assignment = UUID.randomUUID();
        Instant start = past();

        applyAsOneBatch(RoutingEvents.captured(lead, start.minusSeconds(5)),
                RoutingEvents.assigned(lead, assignment, start),
                RoutingEvents.touched(UUID.randomUUID(), lead, assignment, start.plus(Duration.ofMinutes(1))));

        assertThat(clocksOf(lead)).singleElement().satisfies(row -> {
            assertThat(row[0]).isEqualTo("FIRST_TOUCH");
            assertThat(row[1]).as("met by the touch in the same transaction").isEqualTo("MET");
            assertThat(row[2]).isEqualTo(assignment);
        });
    }

    @Test
    void anAssignmentAfterTheErasureInTheBatchStartsAClockOfItsOwn() {
        UUID lead = UUID.randomUUID();
        UUID assignment = UUID.randomUUID();
        Instant start = past();

        applyAsOneBatch(RoutingEvents.assigned(lead, assignment, start),
                RoutingEvents.erased(UUID.randomUUID(), lead, start.plusSeconds(1)),
                RoutingEvents.assigned(lead, assignment, start.plusSeconds(2)));

        // (The timer may already have breached it: it started two days ago.)
        assertThat(clocksOf(lead)).as("the erased clock is not taken for the new assignment's").singleElement()
                .satisfies(row -> {
                    assertThat(row[0]).isEqualTo("FIRST_TOUCH");
                    assertThat(row[2]).isEqualTo(assignment);
                });
    }
}
