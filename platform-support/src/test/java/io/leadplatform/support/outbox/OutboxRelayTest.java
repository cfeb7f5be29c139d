package io.leadplatform.support.outbox;

import io.leadplatform.support.config.OutboxConfig;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The relay's confirm bookkeeping, as pure logic: the broker is a publisher that holds messages until the test acks
 * or nacks them, and the table is a list. The real broker and database are in each service's messaging tests.
 */
class OutboxRelayTest {

    private final HeldPublisher broker = new HeldPublisher();
    private final Table table = new Table();
    private final OutboxRelay relay = new OutboxRelay(table, new Config(), broker, Clock.systemUTC());

    @Test
    void aCommittedRowIsPublishedAtOnceAndMarkedSentOnceConfirmed() {
        OutboxMessage row = table.add("lead.captured");
        relay.committed(new OutboxAppended(row.id, row.type, row.payload));

        assertThat(relay.publishCommitted()).isEqualTo(1);
        assertThat(broker.held).hasSize(1);
        assertThat(table.reads).as("the fast path does not read the table").isZero();
        assertThat(relay.markConfirmed()).as("not confirmed yet").isZero();
        assertThat(table.sent).isEmpty();

        broker.held.getFirst().ack();
        assertThat(relay.markConfirmed()).isEqualTo(1);
        assertThat(table.sent).containsExactly(row.id);
        assertThat(relay.markConfirmed()).as("marked once").isZero();
    }

    @Test
    void theSweepLeavesARowAwaitingTheFastPathsConfirmToThatConfirm() {
        OutboxMessage row = table.add("lead.qualified");
        relay.committed(new OutboxAppended(row.id, row.type, row.payload));
        relay.publishCommitted();

        assertThat(relay.publishBatch()).isZero();
        assertThat(broker.held).as("published once, not once per pass").hasSize(1);
        assertThat(row.attempts).as("the sweep did not wait for it").isZero();

        broker.held.getFirst().ack();
        assertThat(relay.publishBatch()).as("the late confirm counts").isEqualTo(1);
        assertThat(broker.held).hasSize(1);
        assertThat(table.sent).containsExactly(row.id);
    }

    @Test
    void aRowStillAwaitingItsConfirmIsNotPublishedAgainBySweeps() {
        OutboxMessage row = table.add("lead.captured");

        assertThat(relay.publishBatch()).as("no confirm within the timeout").isZero();
        assertThat(relay.publishBatch()).isZero();
        assertThat(broker.held).hasSize(1);
        assertThat(row.attempts).as("only the first sweep waited").isEqualTo(1);

        broker.held.getFirst().ack();
        assertThat(relay.publishBatch()).isEqualTo(1);
        assertThat(table.sent).containsExactly(row.id);
    }

    @Test
    void aNackedRowIsPublishedAgainByTheSweep() {
        OutboxMessage row = table.add("lead.scored");
        relay.committed(new OutboxAppended(row.id, row.type, row.payload));
        relay.publishCommitted();
        broker.held.getFirst().nack(new IllegalStateException("broker said no"));
        assertThat(relay.markConfirmed()).isZero();

        assertThat(relay.publishBatch()).as("published again, not confirmed yet").isZero();
        assertThat(broker.held).as("the nacked publish is repeated once").hasSize(2);
        broker.held.get(1).ack();
        assertThat(relay.publishBatch()).isEqualTo(1);
        assertThat(table.sent).containsExactly(row.id);
    }

    @Test
    void theSweepLeavesRowsYoungerThanSweepAfterToTheFastPath() {
        OutboxMessage row = table.add("lead.assigned");
        row.createdAt = Instant.now().plusSeconds(60);

        assertThat(relay.publishBatch()).isZero();
        assertThat(broker.held).isEmpty();
    }

    /** The unsent rows, as {@link OutboxRepository} would lock them, and what was marked sent. */
    static final class Table extends OutboxRepository {
        final List<OutboxMessage> rows = new ArrayList<>();
        final List<UUID> sent = new ArrayList<>();
        int reads;

        OutboxMessage add(String type) {
            OutboxMessage row = new OutboxMessage();
            row.id = UUID.randomUUID();
            row.type = type;
            row.payload = "{}";
            row.createdAt = Instant.now().minusSeconds(1);
            rows.add(row);
            return row;
        }

        @Override
        public List<OutboxMessage> lockUnsent(int limit, Instant before) {
            reads++;
            return rows.stream().filter(row -> row.createdAt.isBefore(before)).limit(limit).toList();
        }

        @Override
        public void markSent(List<UUID> ids, Instant at) {
            ids.stream().filter(id -> rows.stream().anyMatch(row -> row.id.equals(id))).forEach(sent::add);
            rows.removeIf(row -> ids.contains(row.id));
        }
    }

    /** A broker that confirms (or rejects) a publish only when the test says so. */
    static final class HeldPublisher implements EventPublisher {
        final List<Held> held = new ArrayList<>();

        @Override
        public CompletableFuture<Void> publish(UUID id, String type, String payload) {
            Held publish = new Held(id, type, new CompletableFuture<>());
            held.add(publish);
            return publish.confirm();
        }

        @Override
        public void reconnect() {
        }
    }

    record Held(UUID id, String type, CompletableFuture<Void> confirm) {
        void ack() {
            confirm.complete(null);
        }

        void nack(Exception why) {
            confirm.completeExceptionally(why);
        }
    }

    static final class Config implements OutboxConfig {
        @Override
        public String source() {
            return "test";
        }

        @Override
        public Duration sweepAfter() {
            return Duration.ZERO;
        }

        @Override
        public Duration relayInterval() {
            return Duration.ofSeconds(1);
        }

        @Override
        public int batchSize() {
            return 200;
        }

        @Override
        public Duration confirmTimeout() {
            return Duration.ofMillis(20);
        }
    }
}
