package io.leadplatform.events;

import java.time.Instant;
import java.util.UUID;

/** The assignee made first (or further) contact: a call, an email, a meeting. */
public record LeadTouched(UUID leadId, UUID assignmentId, String assignee, String channel, Instant touchedAt) {
}
