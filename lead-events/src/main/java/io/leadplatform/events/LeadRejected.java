package io.leadplatform.events;

import java.time.Instant;
import java.util.UUID;

public record LeadRejected(UUID leadId, UUID assignmentId, String assignee, String reason, Instant rejectedAt) {
}
