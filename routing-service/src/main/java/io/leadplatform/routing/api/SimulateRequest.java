package io.leadplatform.routing.api;

/** How many days of qualified leads to replay; the configured default when absent. */
public record SimulateRequest(Integer days) {
}
