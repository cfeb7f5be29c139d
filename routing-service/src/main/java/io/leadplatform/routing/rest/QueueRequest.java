package io.leadplatform.routing.rest;

/** A new queue; {@code overflowQueue} is a queue id or name. */
public record QueueRequest(String name, String owningOrg, String purpose, String strategy, String manager,
        String overflowQueue, Boolean enforceWorkingHours, String escalation) {
}
