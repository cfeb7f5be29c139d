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

    static byte[] assigned(UUID leadId, UUID assignmentId, Instant assignedAt, Object... changes) {
        Object[] all = new Object[changes.length + 4];
        all[0] = "assignmentId";
        all[1] = assignmentId;
        all[2] = "assignedAt";
        all[3] = assignedAt;
        System.arraycopy(changes, 0, all, 4, changes.length);
        return GoldenFixtures.instance(EventTypes.LEAD_ASSIGNED, leadId, all);
    }

    static byte[] acceptedBy(UUID eventId, UUID leadId, UUID assignmentId, String assignee, Instant acceptedAt) {
        return GoldenFixtures.instance(EventTypes.LEAD_ACCEPTED, eventId, leadId, "assignmentId", assignmentId,
                "assignee", assignee, "acceptedAt", acceptedAt);
    }

    static byte[] handedOff(UUID leadId, UUID assignmentId, String toAssignee, Instant handedOffAt) {
        return GoldenFixtures.instance(EventTypes.LEAD_HANDED_OFF, leadId, "assignmentId", assignmentId,
                "toAssignee", toAssignee, "handedOffAt", handedOffAt);
    }

    static byte[] captured(UUID leadId, Instant capturedAt) {
        return GoldenFixtures.instance(EventTypes.LEAD_CAPTURED, leadId, "capturedAt", capturedAt);
    }
}
