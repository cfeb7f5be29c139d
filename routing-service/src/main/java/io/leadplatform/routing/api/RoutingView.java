package io.leadplatform.routing.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A lead's current assignment and its routing ledger, oldest line first. Decision lines also name the policy
 * version, the matched rule, the candidates, each skipped member with the reason, and the chosen member.
 */
public record RoutingView(UUID leadId, AssignmentView assignment, List<LedgerEntry> ledger) {

    public record LedgerEntry(Instant at, String action, String actor, UUID assignmentId, String reason,
            String policyVersion, String rule, List<String> candidates, List<String> skipped, String chosen) {
    }
}
