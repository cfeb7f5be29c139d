package io.leadplatform.events;

import java.time.Instant;
import java.util.UUID;

/** An XDR passed the lead to an AE. */
public record LeadHandedOff(UUID leadId, UUID assignmentId, String fromAssignee, String toAssignee, UUID toQueueId,
        String owningOrg, Instant handedOffAt) {
}
