package io.leadplatform.lead.api;

import java.time.Instant;
import java.util.Map;

/** One timeline entry as the API shows it. */
public record TimelineView(Instant at, String kind, Map<String, Object> detail) {
}
