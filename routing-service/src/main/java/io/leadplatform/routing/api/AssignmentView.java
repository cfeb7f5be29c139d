package io.leadplatform.routing.api;

import java.time.Instant;
import java.util.UUID;

/** A lead's assignment as the API shows it. */
public record AssignmentView(
        UUID assignmentId,
        UUID leadId,
        UUID queueId,
        String queue,
        String owningOrg,
        String assignee,
        String policyVersion,
        String rule,
        String status,
        String direction,
        String channel,
        Integer score,
        Instant slaDueAt,
        Instant assignedAt,
        Instant acceptedAt,
        Instant firstTouchedAt,
        Instant breachedAt,
        Instant endedAt,
        String endReason) {
}
