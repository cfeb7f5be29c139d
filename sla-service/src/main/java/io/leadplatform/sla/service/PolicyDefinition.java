package io.leadplatform.sla.service;

import io.leadplatform.sla.api.PolicyRequest;

import java.util.List;
import java.util.Map;

/** The stored body of a policy version, already validated. */
public record PolicyDefinition(double warningRatio, String defaultCalendar, Map<String, String> queueCalendars,
        List<PolicyRequest.Target> targets) {
}
