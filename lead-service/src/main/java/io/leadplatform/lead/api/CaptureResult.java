package io.leadplatform.lead.api;

import java.util.UUID;

/** What a capture did: created the lead (201) or merged into the one with the same identity (200). */
public record CaptureResult(UUID leadId, boolean merged, int status) {
}
