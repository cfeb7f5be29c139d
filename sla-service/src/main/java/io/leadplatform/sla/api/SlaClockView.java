package io.leadplatform.sla.api;

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
        String channel,
        String status,
        String calendar,
        Long targetMillis,
        Instant startedAt,
        Instant dueAt,
        Instant warnAt,
        Instant warnedAt,
        Instant metAt,
        Instant breachedAt,
        Instant cancelledAt,
        Instant pausedAt,
        String pauseReason,
        Long remainingMillis,
        Instant touchedAt,
        Long touchWallMillis,
        Long touchBusinessMillis,
        Long systemDelayMillis) {
}
