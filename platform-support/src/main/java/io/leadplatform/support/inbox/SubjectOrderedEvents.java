package io.leadplatform.support.inbox;

import io.smallrye.reactive.messaging.rabbitmq.RabbitMQRejectMetadata;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * Applies the events of one lead in delivery order and those of different leads in parallel (see
 * docs/decisions/0004). The consuming method must not be {@code @Blocking}: it is called in delivery order, and
 * each message goes to the lane its subject hashes to, a single thread that applies it with
 * {@link InboundEvents#handle} and acks or nacks it. The method returns at once, so the channel's
 * {@code max-outstanding-messages} (the prefetch) is what bounds the messages waiting in the lanes; a consumer
 * using this must set it.
 */
@ApplicationScoped
public class SubjectOrderedEvents {

    private static final Logger LOG = Logger.getLogger(SubjectOrderedEvents.class);

    private final InboundEvents inbound;
    private final ExecutorService[] lanes;

    public SubjectOrderedEvents(InboundEvents inbound,
            @ConfigProperty(name = "inbox.lanes", defaultValue = "4") int laneCount) {
        if (laneCount < 1) {
            throw new IllegalArgumentException("inbox.lanes must be at least 1, was " + laneCount);
        }
        this.inbound = inbound;
        this.lanes = IntStream.range(0, laneCount)
                .mapToObj(i -> Executors.newSingleThreadExecutor(
                        Thread.ofPlatform().name("inbox-lane-" + i).daemon().factory()))
                .toArray(ExecutorService[]::new);
    }

    /** Hands the message to its subject's lane; the lane acks or nacks it once applied. */
    public CompletionStage<Void> dispatch(Message<?> message, EventHandlers handlers) {
        InboundEvents.Delivery delivery = InboundEvents.read(message);
        try {
            lane(delivery.subject()).execute(() -> inbound.apply(delivery, handlers));
        } catch (RejectedExecutionException e) {
            // Shutting down: the broker redelivers it to a running instance.
            LOG.debugf("lanes closed, requeueing a message: %s", e.getMessage());
            return message.nack(e, Metadata.of(new RabbitMQRejectMetadata(true)));
        }
        return CompletableFuture.completedFuture(null);
    }

    ExecutorService lane(String subject) {
        return lanes[Math.floorMod(Objects.hashCode(subject), lanes.length)];
    }

    @PreDestroy
    void stop() throws InterruptedException {
        for (ExecutorService lane : lanes) {
            lane.shutdown();
        }
        for (ExecutorService lane : lanes) {
            // Unacked messages that do not finish in time go back to the queue when the connection closes.
            if (!lane.awaitTermination(5, TimeUnit.SECONDS)) {
                lane.shutdownNow();
            }
        }
    }
}
