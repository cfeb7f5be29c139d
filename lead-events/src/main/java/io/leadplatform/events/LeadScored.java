package io.leadplatform.events;

import java.time.Instant;
import java.util.UUID;

public record LeadScored(UUID leadId, String modelVersion, int fitScore, String fitGrade, int engagementScore,
        long leadVersion, Instant scoredAt) {
}
