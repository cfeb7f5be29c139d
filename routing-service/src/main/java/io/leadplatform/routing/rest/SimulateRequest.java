package io.leadplatform.routing.rest;

/** How many days of qualified leads to replay; the configured default when absent. */
public record SimulateRequest(Integer days) {
}
