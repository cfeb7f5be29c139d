package io.leadplatform.events;

import java.time.Instant;
import java.util.UUID;

public record SlaStarted(UUID leadId, UUID clockId, String clockType, String policyVersion, String owningOrg,
        String queueName, String assignee, Instant startedAt, Instant dueAt) {
}
