package io.leadplatform.events;

import java.time.Instant;
import java.util.UUID;

/** The lead was erased on request; every service deletes or anonymises what it holds. */
public record LeadErased(UUID leadId, Instant erasedAt) {
}
