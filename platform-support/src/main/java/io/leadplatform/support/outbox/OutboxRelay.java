package io.leadplatform.support.outbox;

import io.leadplatform.support.config.OutboxConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Publishes outbox rows to the topic exchange. A row is marked sent only once the broker has confirmed it, so a crash
 * between publish and mark re-publishes (at least once); consumers drop the duplicate by event id.
 * <p>
 * Two paths, both on the relay's own thread, one pass at a time (docs/decisions/0002):
 * <ul>
 * <li>The fast path publishes a transaction's rows as soon as it commits, from the copies the transaction fired, and
 * does not wait for their confirms; the confirmed rows are marked sent together, at least once per
 * {@code outbox.relay-interval}, one UPDATE per {@link #MARK_CHUNK} rows.</li>
 * <li>The sweep, on every poll, locks rows still unsent after {@code outbox.sweep-after} (a crash, a nack, a wake-up
 * that went to another replica) with {@code FOR UPDATE SKIP LOCKED}, publishes them and waits for their confirms
 * while it holds the locks. A row whose publish still awaits its confirm is left to that confirm.</li>
 * </ul>
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Rows marked sent per statement, well under PostgreSQL's limit of bind parameters. */
    static final int MARK_CHUNK = 1000;

    private final OutboxRepository repository;
    private final OutboxConfig config;
    private final EventPublisher publisher;
    private final Clock clock;
    private final AtomicBoolean wakeUpPending = new AtomicBoolean();
    private final AtomicBoolean sweepPending = new AtomicBoolean();
    /** Committed rows for the fast path, in commit order. */
    private final Queue<OutboxAppended> committed = new ConcurrentLinkedQueue<>();
    // Published rows, until they are marked sent or their publish fails. A sweep that finds one leaves it to that
    // confirm instead of publishing the row again: under a slow broker, rows went out twice.
    private final Map<UUID, CompletableFuture<Void>> awaitingConfirm = new ConcurrentHashMap<>();
    /** Rows the broker confirmed that are not marked sent yet. */
    private final Queue<UUID> confirmed = new ConcurrentLinkedQueue<>();
    private long lastMarked = System.nanoTime();
    private final ExecutorService relayThread = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("outbox-relay").daemon().factory());

    public OutboxRelay(OutboxRepository repository, OutboxConfig config, EventPublisher publisher, Clock clock) {
        this.repository = repository;
        this.config = config;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** Publishes the row as soon as the transaction that appended it commits. */
    void onCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxAppended appended) {
        committed(appended);
        wakeUp();
    }

    /** Queues a committed row for the fast path. */
    void committed(OutboxAppended appended) {
        committed.add(appended);
    }

    /** Marks what the broker confirmed, and sweeps up rows the fast path did not get out. */
    @Scheduled(every = "${outbox.relay-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        sweepPending.set(true);
        wakeUp();
    }

    private void wakeUp() {
        if (wakeUpPending.compareAndSet(false, true)) {
            try {
                relayThread.execute(() -> {
                    wakeUpPending.set(false);
                    relay();
                });
            } catch (RejectedExecutionException e) {
                LOG.debugf("relay stopped, wake-up dropped: %s", e.getMessage());
            }
        }
    }

    void relay() {
        try {
            publishCommitted();
            boolean sweep = sweepPending.getAndSet(false);
            if (!confirmed.isEmpty() && (sweep || System.nanoTime() - lastMarked >= config.relayInterval().toNanos())) {
                QuarkusTransaction.requiringNew().run(this::markConfirmed);
            }
            if (sweep) {
                publisher.reconnect();
                int published;
                do {
                    published = QuarkusTransaction.requiringNew().call(this::publishBatch);
                } while (published == config.batchSize());
            }
        } catch (RuntimeException e) {
            // A confirmed row that was not marked keeps its confirm: the sweep marks it without publishing again.
            LOG.warnf("outbox relay pass failed, the next one retries: %s", e.toString());
        }
    }

    @PreDestroy
    void stop() {
        relayThread.shutdownNow();
    }

    /** The fast path: publishes every committed row waiting for it, and returns how many. */
    int publishCommitted() {
        int published = 0;
        for (OutboxAppended row; (row = committed.poll()) != null; published++) {
            publish(row.rowId(), row.type(), row.payload());
        }
        return published;
    }

    /** Marks the rows the broker has confirmed sent, a statement per {@link #MARK_CHUNK}; call in a transaction. */
    int markConfirmed() {
        lastMarked = System.nanoTime();
        int marked = 0;
        List<UUID> ids = new ArrayList<>();
        for (UUID id; (id = confirmed.poll()) != null; ) {
            if (!awaitingConfirm.containsKey(id)) {
                continue; // the sweep that published it has marked it already
            }
            ids.add(id);
            if (ids.size() == MARK_CHUNK) {
                marked += markSent(ids);
            }
        }
        return marked + markSent(ids);
    }

    private int markSent(List<UUID> ids) {
        int count = ids.size();
        repository.markSent(ids, clock.instant());
        ids.forEach(awaitingConfirm::remove);
        ids.clear();
        return count;
    }

    /**
     * The sweep: publishes one batch of locked stale rows and returns how many are now marked sent. A row whose
     * publish still awaits its confirm is left to that confirm, so a slow broker neither gets it twice nor holds the
     * relay's thread, which the fast path shares, until the confirm timeout.
     */
    int publishBatch() {
        List<OutboxMessage> rows = repository.lockUnsent(config.batchSize(),
                clock.instant().minus(config.sweepAfter()));
        List<UUID> confirmedNow = new ArrayList<>(rows.size());
        List<OutboxMessage> published = new ArrayList<>(rows.size());
        List<CompletableFuture<Void>> confirms = new ArrayList<>(rows.size());
        for (OutboxMessage row : rows) {
            CompletableFuture<Void> pending = awaitingConfirm.get(row.id);
            if (pending == null) {
                published.add(row);
                confirms.add(publish(row.id, row.type, row.payload));
            } else if (pending.isDone() && !pending.isCompletedExceptionally()) {
                confirmedNow.add(row.id);
            }
        }
        long deadline = System.nanoTime() + config.confirmTimeout().toNanos();
        for (int i = 0; i < published.size(); i++) {
            OutboxMessage row = published.get(i);
            try {
                confirms.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                confirmedNow.add(row.id);
            } catch (ExecutionException e) {
                unconfirmed(row, e.getCause(), "publishes it again");
            } catch (TimeoutException e) {
                unconfirmed(row, e, "leaves it to the same confirm");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        repository.markSent(confirmedNow, clock.instant());
        confirmedNow.forEach(awaitingConfirm::remove);
        return confirmedNow.size();
    }

    /**
     * Publishes the row unless its publish is already awaiting a confirm, and returns that confirm. A confirmed row
     * waits in {@link #confirmed} to be marked; a failed one is forgotten, so that the sweep publishes it again.
     */
    private CompletableFuture<Void> publish(UUID id, String type, String payload) {
        CompletableFuture<Void> pending = awaitingConfirm.get(id); // only the relay's thread adds entries
        if (pending != null) {
            return pending;
        }
        CompletableFuture<Void> confirm = publisher.publish(id, type, payload);
        awaitingConfirm.put(id, confirm);
        confirm.whenComplete((ok, failure) -> {
            if (failure == null) {
                confirmed.add(id);
            } else {
                awaitingConfirm.remove(id);
                LOG.debugf("outbox row %s (%s) not published: %s", id, type, failure);
            }
        });
        return confirm;
    }

    private static void unconfirmed(OutboxMessage row, Throwable why, String next) {
        row.attempts++;
        row.lastError = String.valueOf(why);
        LOG.warnf("outbox row %s (%s) not confirmed, the next pass %s: %s", row.id, row.type, next, row.lastError);
    }
}
