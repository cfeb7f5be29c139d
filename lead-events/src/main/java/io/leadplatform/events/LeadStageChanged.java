package io.leadplatform.events;

import java.time.Instant;
import java.util.UUID;

public record LeadStageChanged(UUID leadId, String fromStage, String toStage, Instant changedAt) {
}
