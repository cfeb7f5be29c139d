package io.leadplatform.routing.rest;

/** Why the XDR rejects the lead: one of the reason codes, and an optional note. */
public record RejectRequest(String reason, String note) {
}
