package io.leadplatform.events;

import java.time.Instant;
import java.util.UUID;

public record LeadReassigned(UUID leadId, UUID previousAssignmentId, UUID assignmentId, UUID queueId, String queueName,
        String owningOrg, String assignee, String reason, Instant reassignedAt) {
}
