package io.leadplatform.events;

import java.time.Instant;
import java.util.UUID;

/** One engagement event (page view, demo request, NPS answer...) of a lead. */
public record LeadEngaged(UUID leadId, UUID engagementId, String type, Double value, Instant occurredAt) {
}
