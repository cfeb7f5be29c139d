package io.leadplatform.routing.api;

import java.time.Instant;
import java.util.UUID;

/** A lead waiting for someone in its queue's fallback chain to have room. */
public record WaitingView(UUID leadId, UUID queueId, String queue, String policyVersion, String rule, Instant since,
        String reason) {
}
