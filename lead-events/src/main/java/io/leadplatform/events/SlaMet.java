package io.leadplatform.events;

import java.time.Instant;
import java.util.UUID;

public record SlaMet(UUID leadId, UUID clockId, String clockType, String assignee, Instant startedAt, Instant metAt,
        long elapsedMillis) {
}
