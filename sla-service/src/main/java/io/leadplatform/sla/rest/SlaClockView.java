package io.leadplatform.sla.rest;

import java.time.Instant;
import java.util.UUID;

/** An SLA clock as the API shows it. */
public record SlaClockView(
        UUID id,
        UUID leadId,
        UUID assignmentId,
        String clockType,
        String policyVersion,
        String owningOrg,
        String queueName,
        String assignee,
        String status,
        Instant startedAt,
        Instant dueAt,
        Instant warnAt,
        Instant warnedAt,
        Instant metAt,
        Instant breachedAt,
        Instant cancelledAt) {
}
