package io.leadplatform.support.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.rabbitmq.OutgoingRabbitMQMetadata;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * Publishes outbox rows to the topic exchange. A row is marked sent only once the broker has confirmed it,
 * so a crash between publish and commit re-publishes (at least once); consumers drop the duplicate by event id.
 * One pass runs at a time per instance, on the relay's own thread, whether a commit or the poll started it.
 */
@ApplicationScoped
public class OutboxRelay {

    public static final String CHANNEL = "events-out";
    static final String CONTENT_TYPE = "application/cloudevents+json";
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final OutboxRepository repository;
    private final OutboxConfig config;
    private final Emitter<String> emitter;
    private final Clock clock;
    private final AtomicBoolean wakeUpPending = new AtomicBoolean();
    // Published rows whose confirm has not come yet. A pass that stops waiting leaves them here, and the next pass
    // waits on the same confirm instead of publishing the row again: under a slow broker every row went out twice.
    private final Map<UUID, CompletableFuture<Void>> awaitingConfirm = new ConcurrentHashMap<>();
    private final ExecutorService wakeUps = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("outbox-relay").daemon().factory());

    public OutboxRelay(OutboxRepository repository, OutboxConfig config, @Channel(CHANNEL) Emitter<String> emitter,
            Clock clock) {
        this.repository = repository;
        this.config = config;
        this.emitter = emitter;
        this.clock = clock;
    }

    /** Publishes right after a commit that appended rows, instead of waiting for the next poll. */
    void onCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxAppended appended) {
        wakeUp();
    }

    /**
     * The poll catches rows whose wake-up was lost: a crash, another replica's rows, unconfirmed publishes. It runs
     * its pass on the relay's thread too, so two passes never publish at once and overtake each other.
     */
    @Scheduled(every = "${outbox.relay-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        wakeUp();
    }

    private void wakeUp() {
        if (wakeUpPending.compareAndSet(false, true)) {
            try {
                wakeUps.execute(() -> {
                    wakeUpPending.set(false);
                    relay();
                });
            } catch (RejectedExecutionException e) {
                LOG.debugf("relay stopped, wake-up dropped: %s", e.getMessage());
            }
        }
    }

    void relay() {
        int published;
        do {
            published = QuarkusTransaction.requiringNew().call(this::publishBatch);
        } while (published == config.batchSize());
    }

    @PreDestroy
    void stop() {
        wakeUps.shutdownNow();
    }

    /** Publishes one batch of locked rows and returns how many the broker confirmed. */
    int publishBatch() {
        List<OutboxMessage> rows = repository.lockUnsent(config.batchSize());
        // A row that left this batch was marked sent by another replica, or is held by one: forget its confirm.
        awaitingConfirm.keySet().retainAll(rows.stream().map(row -> row.id).collect(Collectors.toSet()));
        if (rows.isEmpty()) {
            return 0;
        }
        List<CompletableFuture<Void>> confirms = new ArrayList<>(rows.size());
        for (OutboxMessage row : rows) {
            confirms.add(awaitingConfirm.computeIfAbsent(row.id, id -> send(row)));
        }
        long deadline = System.nanoTime() + config.confirmTimeout().toNanos();
        List<UUID> confirmed = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            OutboxMessage row = rows.get(i);
            try {
                confirms.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                confirmed.add(row.id);
                awaitingConfirm.remove(row.id);
            } catch (ExecutionException e) {
                awaitingConfirm.remove(row.id);
                unconfirmed(row, e.getCause(), "publishes it again");
            } catch (TimeoutException e) {
                unconfirmed(row, e, "waits for the same confirm");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        repository.markSent(confirmed, clock.instant());
        return confirmed.size();
    }

    private static void unconfirmed(OutboxMessage row, Throwable why, String next) {
        row.attempts++;
        row.lastError = String.valueOf(why);
        LOG.warnf("outbox row %s (%s) not confirmed, the next pass %s: %s", row.id, row.type, next, row.lastError);
    }

    private CompletableFuture<Void> send(OutboxMessage row) {
        CompletableFuture<Void> confirmed = new CompletableFuture<>();
        OutgoingRabbitMQMetadata metadata = OutgoingRabbitMQMetadata.builder()
                .withRoutingKey(row.type)
                .withMessageId(row.id.toString())
                .withType(row.type)
                .withContentType(CONTENT_TYPE)
                .withDeliveryMode(2)
                .build();
        try {
            emitter.send(Message.of(row.payload, Metadata.of(metadata),
                    () -> {
                        confirmed.complete(null);
                        return CompletableFuture.completedFuture(null);
                    },
                    failure -> {
                        confirmed.completeExceptionally(failure);
                        return CompletableFuture.completedFuture(null);
                    }));
        } catch (RuntimeException e) {
            confirmed.completeExceptionally(e);
        }
        return confirmed;
    }
}
