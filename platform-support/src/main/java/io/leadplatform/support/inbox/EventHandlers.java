package io.leadplatform.support.inbox;

import io.leadplatform.events.CloudEvent;
import io.leadplatform.events.EventCatalog;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

/** The event types a consumer applies, each with its typed handler. Anything else is dead-lettered. */
public final class EventHandlers {

    public interface Handler<T> extends BiConsumer<CloudEvent<?>, T> {
    }

    record Registration<T>(Class<T> dataType, Handler<T> handler) {
        void apply(CloudEvent<?> event, Object data) {
            handler.accept(event, dataType.cast(data));
        }
    }

    private final String consumer;
    private final Map<String, Registration<?>> handlers = new HashMap<>();
    private Runnable beforeCommit = () -> {
    };

    private EventHandlers(String consumer) {
        this.consumer = consumer;
    }

    /** {@code consumer} names the effect in {@code processed_message}; keep it stable. */
    public static EventHandlers forConsumer(String consumer) {
        return new EventHandlers(consumer);
    }

    public <T> EventHandlers on(String type, Class<T> dataType, Handler<T> handler) {
        Class<?> declared = EventCatalog.dataType(type)
                .orElseThrow(() -> new IllegalArgumentException("unknown event type " + type));
        if (!declared.equals(dataType)) {
            throw new IllegalArgumentException(type + " carries " + declared.getSimpleName());
        }
        handlers.put(type, new Registration<>(dataType, handler));
        return this;
    }

    /**
     * Runs {@code work} in every transaction that applies this consumer's events, after the last of them: a
     * handler can leave work there that needs a lock contended across the service, so the lock is held from there
     * to the commit only, not across a whole batch (routing's placements, decision 0006).
     */
    public EventHandlers beforeCommit(Runnable work) {
        this.beforeCommit = work;
        return this;
    }

    void completeTransaction() {
        beforeCommit.run();
    }

    public String consumer() {
        return consumer;
    }

    /** The event types with a handler: exactly the routing keys the consumer's queue must be bound to. */
    public Set<String> types() {
        return Set.copyOf(handlers.keySet());
    }

    Optional<Registration<?>> find(String type) {
        return Optional.ofNullable(handlers.get(type));
    }
}
