package io.leadplatform.events;

import java.time.Instant;
import java.util.UUID;

public record SlaWarning(UUID leadId, UUID clockId, String clockType, String assignee, Instant dueAt,
        Instant warnedAt) {
}
