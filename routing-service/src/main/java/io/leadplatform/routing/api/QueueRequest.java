package io.leadplatform.routing.api;

import java.util.List;

/** A new queue; {@code overflowQueue} is a queue id or name; {@code holidays} are dates such as 2026-12-25. */
public record QueueRequest(String name, String owningOrg, String purpose, String strategy, String manager,
        String overflowQueue, Boolean enforceWorkingHours, String escalation, List<String> holidays) {
}
