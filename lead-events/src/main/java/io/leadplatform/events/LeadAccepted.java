package io.leadplatform.events;

import java.time.Instant;
import java.util.UUID;

public record LeadAccepted(UUID leadId, UUID assignmentId, String assignee, Instant acceptedAt) {
}
