package io.leadplatform.lead.api;

import java.time.Instant;
import java.util.UUID;

/** A lead as a search lists it. */
public record LeadSummary(UUID id, String email, String company, String stage, String channel, String campaign,
        String owningOrg, String queue, String assignee, Integer fitScore, Instant capturedAt) {
}
