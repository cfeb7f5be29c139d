package io.leadplatform.support.outbox;

import java.util.UUID;

/**
 * Fired inside the transaction that appended an outbox row. When that transaction commits, the relay publishes the
 * row from this copy, without reading it back, and the metrics count the event.
 */
public record OutboxAppended(UUID rowId, String type, String payload) {
}
