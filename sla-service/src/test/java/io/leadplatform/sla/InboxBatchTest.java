package io.leadplatform.sla;

import io.leadplatform.events.EventTypes;
import io.leadplatform.events.GoldenFixtures;
import io.leadplatform.events.LeadScored;
import io.leadplatform.support.inbox.EventHandlers;
import io.leadplatform.support.inbox.InboundEvents;
import io.leadplatform.support.inbox.PoisonMessageException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.rabbitmq.RabbitMQRejectMetadata;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A batch of deliveries applied in one transaction (platform-support's InboundEvents.applyAll, used by the inbox
 * lanes of every service), on the real database: one commit for all while none fails; when one fails, nothing of
 * the batch stays and each is applied alone, so only the failing message is dead-lettered or requeued.
 */
@QuarkusTest
class InboxBatchTest {

    @Inject
    InboundEvents inbound;
    @Inject
    EntityManager em;

    /** What each test message was answered: "ack", "dead-letter" or "requeue". */
    final Map<UUID, String> answers = new ConcurrentHashMap<>();
    String consumer;

    @BeforeEach
    void probe() {
        consumer = "inbox-batch-test-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("CREATE TABLE IF NOT EXISTS "
                + "inbox_batch_probe (consumer text, event_id uuid, txid bigint)").executeUpdate());
    }

    /** A handler whose effect is a row with the id of the transaction that applied it. */
    EventHandlers handlers(Predicate<UUID> poison, Predicate<UUID> broken) {
        return EventHandlers.forConsumer(consumer).on(EventTypes.LEAD_SCORED, LeadScored.class, (event, data) -> {
            em.createNativeQuery("INSERT INTO inbox_batch_probe VALUES (:c, :id, txid_current())")
                    .setParameter("c", consumer).setParameter("id", event.id()).executeUpdate();
            if (poison.test(event.id())) {
                throw new PoisonMessageException("test poison " + event.id(), null);
            }
            if (broken.test(event.id())) {
                throw new IllegalStateException("test failure " + event.id());
            }
        });
    }

    Message<byte[]> message(UUID eventId) {
        return Message.of(GoldenFixtures.instance("lead.scored", eventId, UUID.randomUUID()),
                metadata -> {
                    answers.put(eventId, "ack");
                    return CompletableFuture.completedFuture(null);
                },
                (failure, metadata) -> {
                    boolean requeue = metadata != null && metadata.get(RabbitMQRejectMetadata.class)
                            .map(RabbitMQRejectMetadata::isRequeue).orElse(false);
                    answers.put(eventId, requeue ? "requeue" : "dead-letter");
                    return CompletableFuture.completedFuture(null);
                });
    }

    List<UUID> ids(int n) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(UUID.randomUUID());
        }
        return ids;
    }

    @SuppressWarnings("unchecked")
    List<Object[]> effects() {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT event_id, txid FROM inbox_batch_probe WHERE consumer = :c").setParameter("c", consumer)
                .getResultList());
    }

    long inboxRows() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM processed_message WHERE consumer = :c").setParameter("c", consumer)
                .getSingleResult()).longValue());
    }

    @Test
    void aBatchCommitsOnceAndADuplicateInItHasNoSecondEffect() {
        List<UUID> ids = ids(10);
        List<Message<byte[]>> batch = new ArrayList<>(ids.stream().map(this::message).toList());
        batch.add(message(ids.get(3)));

        inbound.handleAll(batch, handlers(id -> false, id -> false)).toCompletableFuture().join();

        List<Object[]> effects = effects();
        assertThat(effects).extracting(row -> (UUID) row[0]).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(effects.stream().map(row -> row[1]).distinct()).as("one transaction").hasSize(1);
        assertThat(inboxRows()).isEqualTo(10);
        assertThat(answers).containsOnlyKeys(ids).allSatisfy((id, answer) -> assertThat(answer).isEqualTo("ack"));
    }

    @Test
    void aPoisonEventCostsOnlyItself() {
        List<UUID> ids = ids(8);
        UUID poison = ids.get(5);

        inbound.handleAll(ids.stream().map(this::message).toList(), handlers(poison::equals, id -> false))
                .toCompletableFuture().join();

        Set<UUID> applied = new HashSet<>();
        effects().forEach(row -> applied.add((UUID) row[0]));
        assertThat(applied).as("the batch rolled back, then each applied alone")
                .containsExactlyInAnyOrderElementsOf(ids.stream().filter(id -> !id.equals(poison)).toList());
        assertThat(effects().stream().map(row -> row[1]).distinct()).as("one transaction each").hasSize(7);
        assertThat(inboxRows()).isEqualTo(7);
        assertThat(answers.get(poison)).isEqualTo("dead-letter");
        assertThat(answers).hasSize(8).allSatisfy((id, answer) -> assertThat(answer)
                .isEqualTo(id.equals(poison) ? "dead-letter" : "ack"));
    }

    @Test
    void aTransientFailureRequeuesOnlyItsOwnMessage() {
        List<UUID> ids = ids(6);
        UUID broken = ids.get(0);

        inbound.handleAll(ids.stream().map(this::message).toList(), handlers(id -> false, broken::equals))
                .toCompletableFuture().join();

        assertThat(effects()).extracting(row -> (UUID) row[0])
                .containsExactlyInAnyOrderElementsOf(ids.subList(1, 6));
        assertThat(inboxRows()).as("the failed event is not marked processed, so its redelivery applies").isEqualTo(5);
        assertThat(answers.get(broken)).isEqualTo("requeue");
        assertThat(answers.values()).filteredOn("ack"::equals).hasSize(5);
    }

    @Test
    void aMalformedMessageInABatchIsDeadLetteredAndTheRestCommitTogether() {
        List<UUID> ids = ids(4);
        List<Message<byte[]>> batch = new ArrayList<>(ids.stream().map(this::message).toList());
        UUID malformed = UUID.randomUUID();
        batch.add(2, Message.of("{not json".getBytes(), metadata -> CompletableFuture.completedFuture(null),
                (failure, metadata) -> {
                    answers.put(malformed, "dead-letter");
                    return CompletableFuture.completedFuture(null);
                }));

        inbound.handleAll(batch, handlers(id -> false, id -> false)).toCompletableFuture().join();

        assertThat(effects()).hasSize(4);
        assertThat(effects().stream().map(row -> row[1]).distinct()).hasSize(1);
        assertThat(answers.get(malformed)).isEqualTo("dead-letter");
    }
}
