package io.leadplatform.routing.api;

/** Why the XDR rejects the lead: one of the reason codes, and an optional note. */
public record RejectRequest(String reason, String note) {
}
