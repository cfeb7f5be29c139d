package io.leadplatform.events;

import java.time.Instant;
import java.util.UUID;

/** New facts about a lead (a merge or an edit); carries the whole profile as it now stands. */
public record LeadUpdated(UUID leadId, long version, LeadProfile profile, Instant updatedAt) {
}
