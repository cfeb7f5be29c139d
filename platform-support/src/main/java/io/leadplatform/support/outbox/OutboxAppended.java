package io.leadplatform.support.outbox;

import java.util.UUID;

/**
 * Fired inside the transaction that appended an outbox row; the relay wakes, and the metrics count the event, when
 * that transaction commits.
 */
public record OutboxAppended(UUID rowId, String type) {
}
