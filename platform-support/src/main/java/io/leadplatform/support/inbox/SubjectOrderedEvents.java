package io.leadplatform.support.inbox;

import io.smallrye.reactive.messaging.rabbitmq.RabbitMQRejectMetadata;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * Applies the events of one lead in delivery order and those of different leads in parallel (see
 * docs/decisions/0004). The consuming method must not be {@code @Blocking}: it is called in delivery order, and
 * each message goes to the lane its subject hashes to, a single thread that applies it with
 * {@link InboundEvents} and acks or nacks it. The method returns at once, so the channel's
 * {@code max-outstanding-messages} (the prefetch) is what bounds the messages waiting in the lanes; a consumer
 * using this must set it.
 * <p>
 * A lane that has fallen behind applies what waits in it, up to {@code inbox.max-batch} messages in delivery
 * order, in one transaction ({@link InboundEvents#applyAll}): one commit instead of one per message, and a lock
 * that several events need (routing's queue row) is taken once for all of them. A lane that keeps up applies
 * each message alone, as it arrives, so batching adds no wait.
 */
@ApplicationScoped
public class SubjectOrderedEvents {

    private static final Logger LOG = Logger.getLogger(SubjectOrderedEvents.class);

    private final InboundEvents inbound;
    private final Lane[] lanes;
    private final int maxBatch;

    public SubjectOrderedEvents(InboundEvents inbound,
            @ConfigProperty(name = "inbox.lanes", defaultValue = "4") int laneCount,
            @ConfigProperty(name = "inbox.max-batch", defaultValue = "32") int maxBatch) {
        if (laneCount < 1) {
            throw new IllegalArgumentException("inbox.lanes must be at least 1, was " + laneCount);
        }
        if (maxBatch < 1) {
            throw new IllegalArgumentException("inbox.max-batch must be at least 1, was " + maxBatch);
        }
        this.inbound = inbound;
        this.maxBatch = maxBatch;
        this.lanes = IntStream.range(0, laneCount).mapToObj(Lane::new).toArray(Lane[]::new);
    }

    /** Hands the message to its subject's lane; the lane acks or nacks it once applied. */
    public CompletionStage<Void> dispatch(Message<?> message, EventHandlers handlers) {
        InboundEvents.Delivery delivery = InboundEvents.read(message);
        Lane lane = lane(delivery.subject());
        Waiting waiting = new Waiting(delivery, handlers);
        lane.waiting.add(waiting);
        try {
            // One run per message; a run takes everything waiting (up to the batch size), so later runs may find
            // nothing left, which costs nothing.
            lane.executor.execute(lane::run);
        } catch (RejectedExecutionException e) {
            // Shutting down. Unless an earlier run already took it, the broker redelivers it to a running instance.
            if (lane.waiting.remove(waiting)) {
                LOG.debugf("lanes closed, requeueing a message: %s", e.getMessage());
                return message.nack(e, Metadata.of(new RabbitMQRejectMetadata(true)));
            }
        }
        return CompletableFuture.completedFuture(null);
    }

    Lane lane(String subject) {
        return lanes[Math.floorMod(Objects.hashCode(subject), lanes.length)];
    }

    private record Waiting(InboundEvents.Delivery delivery, EventHandlers handlers) {
    }

    /** One thread and the deliveries waiting for it, in delivery order. */
    final class Lane {
        final ExecutorService executor;
        final Queue<Waiting> waiting = new ConcurrentLinkedQueue<>();

        Lane(int index) {
            executor = Executors.newSingleThreadExecutor(
                    Thread.ofPlatform().name("inbox-lane-" + index).daemon().factory());
        }

        /** Applies what waits, in order: consecutive deliveries of the same consumer together. */
        void run() {
            List<InboundEvents.Delivery> batch = new ArrayList<>();
            EventHandlers batchHandlers = null;
            Waiting next;
            while (batch.size() < maxBatch && (next = waiting.peek()) != null) {
                if (batchHandlers != null && next.handlers() != batchHandlers) {
                    break;
                }
                waiting.poll();
                batchHandlers = next.handlers();
                batch.add(next.delivery());
            }
            if (!batch.isEmpty()) {
                inbound.applyAll(batch, batchHandlers);
            }
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        for (Lane lane : lanes) {
            lane.executor.shutdown();
        }
        for (Lane lane : lanes) {
            ExecutorService executor = lane.executor;
            // Unacked messages that do not finish in time go back to the queue when the connection closes.
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        }
    }
}
