package io.leadplatform.support.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadplatform.events.CloudEvent;
import io.leadplatform.events.EventJson;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import io.smallrye.reactive.messaging.rabbitmq.RabbitMQRejectMetadata;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Applies one delivered CloudEvent exactly once: the event id goes into {@code processed_message} in the same
 * transaction as the handler's effect. Malformed messages, unknown types and {@link PoisonMessageException}s are
 * rejected, which the queue's dead-letter exchange routes to the DLQ at once; other failures are requeued until
 * the queue's delivery limit dead-letters them. The messages behind either keep flowing.
 */
@ApplicationScoped
public class InboundEvents {

    private static final Logger LOG = Logger.getLogger(InboundEvents.class);

    private final ProcessedMessageRepository processed;

    public InboundEvents(ProcessedMessageRepository processed) {
        this.processed = processed;
    }

    /** Applies several delivered messages as {@link #applyAll} does: in one transaction while none fails. */
    public CompletionStage<Void> handleAll(List<? extends Message<?>> messages, EventHandlers handlers) {
        return applyAll(messages.stream().map(InboundEvents::read).toList(), handlers);
    }

    /** A delivered message with its envelope, or with why it has none. */
    record Delivery(Message<?> message, CloudEvent<JsonNode> event, Exception malformed) {
        /** The lead the event is about; null for a malformed message or an event without subject. */
        String subject() {
            return event == null ? null : event.subject();
        }
    }

    static Delivery read(Message<?> message) {
        try {
            return new Delivery(message, EventJson.readEnvelope(bytes(message.getPayload())), null);
        } catch (IOException | RuntimeException e) {
            return new Delivery(message, null, e);
        }
    }

    CompletionStage<Void> apply(Delivery delivery, EventHandlers handlers) {
        Decoded decoded = decode(delivery, handlers);
        return decoded.rejection() != null ? decoded.rejection() : applyOne(decoded, handlers);
    }

    /**
     * Applies several deliveries, in their order, in one transaction with one commit, and acks them all; a
     * malformed or unknown one is dead-lettered on its own first. If the transaction fails (a poison event, a
     * deadlock, a database hiccup) nothing of it stays, and each is applied again in its own transaction, so a
     * failure costs only its own message, exactly as with {@link #apply}.
     */
    CompletionStage<Void> applyAll(List<Delivery> deliveries, EventHandlers handlers) {
        if (deliveries.size() == 1) {
            return apply(deliveries.getFirst(), handlers);
        }
        List<Decoded> ready = new ArrayList<>(deliveries.size());
        List<CompletionStage<Void>> outcomes = new ArrayList<>(deliveries.size());
        for (Delivery delivery : deliveries) {
            Decoded decoded = decode(delivery, handlers);
            if (decoded.rejection() != null) {
                outcomes.add(decoded.rejection());
            } else {
                ready.add(decoded);
            }
        }
        if (ready.size() > 1) {
            try {
                int applied = QuarkusTransaction.requiringNew().call(() -> {
                    // One insert marks the whole batch; an event already processed, or a second copy of one in
                    // this batch, is not applied again.
                    Set<UUID> fresh = processed.markAllProcessed(
                            ready.stream().map(d -> d.event().id()).toList(), handlers.consumer());
                    int count = 0;
                    for (Decoded d : ready) {
                        if (fresh.remove(d.event().id())) {
                            d.registration().apply(d.event(), d.data());
                            count++;
                        }
                    }
                    handlers.completeTransaction();
                    return count;
                });
                LOG.debugf("%s applied %d of a batch of %d in one transaction", handlers.consumer(), applied,
                        ready.size());
                ready.forEach(d -> outcomes.add(d.message().ack()));
                return allOf(outcomes);
            } catch (RuntimeException e) {
                LOG.debugf("%s: a batch of %d failed (%s); applying them one at a time", handlers.consumer(),
                        ready.size(), e.toString());
            }
        }
        ready.forEach(d -> outcomes.add(applyOne(d, handlers)));
        return allOf(outcomes);
    }

    /** A delivery ready to apply, or the nack that already answered it. */
    private record Decoded(Message<?> message, CloudEvent<JsonNode> event, EventHandlers.Registration<?> registration,
            Object data, CompletionStage<Void> rejection) {
        static Decoded rejected(CompletionStage<Void> nack) {
            return new Decoded(null, null, null, null, nack);
        }
    }

    private static Decoded decode(Delivery delivery, EventHandlers handlers) {
        Message<?> message = delivery.message();
        CloudEvent<JsonNode> event = delivery.event();
        if (event == null) {
            Exception e = delivery.malformed();
            LOG.warnf("dead-lettering a malformed message: %s", e.getMessage());
            return Decoded.rejected(message.nack(new PoisonMessageException("malformed CloudEvent: " + e.getMessage(), e)));
        }
        var registration = handlers.find(event.type()).orElse(null);
        if (registration == null) {
            LOG.warnf("dead-lettering event %s of unknown type %s", event.id(), event.type());
            return Decoded.rejected(message.nack(new PoisonMessageException("no handler for event type " + event.type(), null)));
        }
        try {
            return new Decoded(message, event, registration, EventJson.data(event, registration.dataType()), null);
        } catch (IOException e) {
            LOG.warnf("dead-lettering event %s (%s) with bad data: %s", event.id(), event.type(), e.getMessage());
            return Decoded.rejected(message.nack(new PoisonMessageException("bad data: " + e.getMessage(), e)));
        }
    }

    private CompletionStage<Void> applyOne(Decoded d, EventHandlers handlers) {
        Message<?> message = d.message();
        CloudEvent<JsonNode> event = d.event();
        try {
            boolean applied = QuarkusTransaction.requiringNew().call(() -> {
                if (!processed.markProcessed(event.id(), handlers.consumer())) {
                    return false;
                }
                d.registration().apply(event, d.data());
                handlers.completeTransaction();
                return true;
            });
            if (!applied) {
                LOG.debugf("event %s already processed by %s: ignored", event.id(), handlers.consumer());
            }
            return message.ack();
        } catch (PoisonMessageException e) {
            LOG.warnf("dead-lettering event %s (%s): %s", event.id(), event.type(), e.getMessage());
            return message.nack(e);
        } catch (RuntimeException e) {
            // Maybe transient (a database hiccup): requeue; the queue's delivery limit dead-letters it if it persists.
            LOG.errorf(e, "event %s (%s) failed in %s, requeued", event.id(), event.type(), handlers.consumer());
            return message.nack(e, Metadata.of(new RabbitMQRejectMetadata(true)));
        }
    }

    private static CompletionStage<Void> allOf(List<CompletionStage<Void>> stages) {
        return CompletableFuture.allOf(stages.stream().map(CompletionStage::toCompletableFuture)
                .toArray(CompletableFuture[]::new));
    }

    static byte[] bytes(Object payload) {
        return switch (payload) {
            case byte[] b -> b;
            case Buffer b -> b.getBytes();
            case String s -> s.getBytes(StandardCharsets.UTF_8);
            case JsonObject o -> o.toBuffer().getBytes();
            case JsonArray a -> a.toBuffer().getBytes();
            case null -> new byte[0];
            default -> throw new IllegalArgumentException("unsupported payload " + payload.getClass().getName());
        };
    }
}
