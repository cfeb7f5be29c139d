package io.leadplatform.events;

import java.time.Instant;
import java.util.UUID;

public record SlaBreached(UUID leadId, UUID clockId, String clockType, String owningOrg, String queueName,
        String assignee, Instant dueAt, Instant breachedAt) {
}
