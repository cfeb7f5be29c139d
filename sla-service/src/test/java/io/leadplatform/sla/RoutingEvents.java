package io.leadplatform.sla;

import io.leadplatform.events.EventTypes;
import io.leadplatform.events.GoldenFixtures;

import java.time.Instant;
import java.util.UUID;

/** Object mother for what routing-service publishes, built from the golden fixtures in lead-events. */
final class RoutingEvents {

    private RoutingEvents() {
    }

    static byte[] assigned(UUID eventId, UUID leadId, UUID assignmentId, Instant assignedAt) {
        return GoldenFixtures.instance(EventTypes.LEAD_ASSIGNED, eventId, leadId, "assignmentId", assignmentId,
                "assignedAt", assignedAt);
    }

    static byte[] assigned(UUID leadId, UUID assignmentId, Instant assignedAt) {
        return assigned(UUID.randomUUID(), leadId, assignmentId, assignedAt);
    }

    static byte[] touched(UUID eventId, UUID leadId, UUID assignmentId, Instant touchedAt) {
        return GoldenFixtures.instance(EventTypes.LEAD_TOUCHED, eventId, leadId, "assignmentId", assignmentId,
                "touchedAt", touchedAt);
    }

    static byte[] accepted(UUID eventId, UUID leadId, UUID assignmentId, Instant acceptedAt) {
        return GoldenFixtures.instance(EventTypes.LEAD_ACCEPTED, eventId, leadId, "assignmentId", assignmentId,
                "acceptedAt", acceptedAt);
    }

    static byte[] reassigned(UUID leadId, UUID previousAssignmentId, UUID assignmentId, Instant reassignedAt) {
        return GoldenFixtures.instance(EventTypes.LEAD_REASSIGNED, leadId, "previousAssignmentId",
                previousAssignmentId, "assignmentId", assignmentId, "assignee", "xavier", "reassignedAt",
                reassignedAt);
    }

    static byte[] erased(UUID eventId, UUID leadId, Instant erasedAt) {
        return GoldenFixtures.instance(EventTypes.LEAD_ERASED, eventId, leadId, "erasedAt", erasedAt);
    }
}
