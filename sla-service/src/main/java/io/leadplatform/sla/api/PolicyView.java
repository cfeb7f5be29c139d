package io.leadplatform.sla.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A stored SLA policy version; version 0 is the built-in default that applies while none is active. */
public record PolicyView(int version, String label, String name, boolean active, double warningRatio,
        String defaultCalendar, Map<String, String> queueCalendars, List<PolicyRequest.Target> targets,
        Instant createdAt, String createdBy, Instant activatedAt) {
}
