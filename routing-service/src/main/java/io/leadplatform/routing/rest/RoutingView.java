package io.leadplatform.routing.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A lead's current assignment and its routing ledger, oldest line first. */
public record RoutingView(UUID leadId, AssignmentView assignment, List<LedgerEntry> ledger) {

    public record LedgerEntry(Instant at, String action, String actor, UUID assignmentId, String reason) {
    }
}
