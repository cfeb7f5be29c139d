package io.leadplatform.routing.api;

import java.time.Instant;

/** When the policy starts routing; now when absent. */
public record ActivateRequest(Instant effectiveAt) {
}
