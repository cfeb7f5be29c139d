package io.leadplatform.routing.domain;

/** The rule of a policy that placed a lead, the queue it names, and why, in words for the ledger. */
public record RoutingDecision(String policyVersion, OwnershipRule rule, RoutingQueue queue, String reason) {
}
