package io.leadplatform.events;

import java.time.Instant;
import java.util.UUID;

public record LeadAssigned(
        UUID leadId,
        UUID assignmentId,
        UUID queueId,
        String queueName,
        String owningOrg,
        String assignee,
        String policyVersion,
        String direction,
        String channel,
        Instant assignedAt) {
}
