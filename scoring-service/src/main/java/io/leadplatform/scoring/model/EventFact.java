package io.leadplatform.scoring.model;

import java.time.Instant;

/** One engagement event of a lead, as the model sees it. */
public record EventFact(String type, Double value, Instant occurredAt) {
}
