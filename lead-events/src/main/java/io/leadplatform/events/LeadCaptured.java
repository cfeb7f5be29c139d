package io.leadplatform.events;

import java.time.Instant;
import java.util.UUID;

/** A lead entered the platform. {@code version} grows with every change to the lead. */
public record LeadCaptured(UUID leadId, long version, LeadProfile profile, Instant capturedAt) {
}
