package io.leadplatform.routing.api;

/**
 * Where a manager or ops moves a lead: {@code queue} (id or name, default the current queue) and {@code assignee}
 * (default the next eligible member other than the current one).
 */
public record ReassignRequest(String queue, String assignee, String reason) {
}
