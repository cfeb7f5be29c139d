package io.leadplatform.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A clock changed without being met or breached: cancelled (its assignment ended), paused or resumed. {@code status}
 * is the clock's status after the change; {@code dueAt} its due time then (a pause has none, a resume a later one).
 */
public record SlaUpdated(UUID leadId, UUID clockId, String clockType, String assignee, String status, Instant dueAt,
        Instant changedAt) {
}
