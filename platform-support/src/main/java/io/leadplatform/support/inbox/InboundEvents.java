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

    public CompletionStage<Void> handle(Message<?> message, EventHandlers handlers) {
        return apply(read(message), handlers);
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
        Message<?> message = delivery.message();
        CloudEvent<JsonNode> event = delivery.event();
        if (event == null) {
            Exception e = delivery.malformed();
            LOG.warnf("dead-lettering a malformed message: %s", e.getMessage());
            return message.nack(new PoisonMessageException("malformed CloudEvent: " + e.getMessage(), e));
        }
        var registration = handlers.find(event.type()).orElse(null);
        if (registration == null) {
            LOG.warnf("dead-lettering event %s of unknown type %s", event.id(), event.type());
            return message.nack(new PoisonMessageException("no handler for event type " + event.type(), null));
        }
        Object data;
        try {
            data = EventJson.data(event, registration.dataType());
        } catch (IOException e) {
            LOG.warnf("dead-lettering event %s (%s) with bad data: %s", event.id(), event.type(), e.getMessage());
            return message.nack(new PoisonMessageException("bad data: " + e.getMessage(), e));
        }
        try {
            boolean applied = QuarkusTransaction.requiringNew().call(() -> {
                if (!processed.markProcessed(event.id(), handlers.consumer())) {
                    return false;
                }
                registration.apply(event, data);
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
