package io.leadplatform.support.outbox;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/** How the relay hands an outbox row's event to the broker. */
public interface EventPublisher {

    /**
     * Publishes the event to the platform's topic exchange with its type as the routing key. The future completes
     * when the broker confirms the message, and exceptionally when the broker rejects it, when the connection is lost
     * before the confirm, or when the message could not be sent at all.
     */
    CompletableFuture<Void> publish(UUID id, String type, String payload);

    /**
     * Opens the connection if it is closed (the relay calls this on every poll, so that an idle instance reconnects
     * after a broker restart); failures are reported, not thrown.
     */
    void reconnect();
}
