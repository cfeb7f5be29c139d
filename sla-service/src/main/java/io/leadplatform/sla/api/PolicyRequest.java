package io.leadplatform.sla.api;

import java.util.List;
import java.util.Map;

/**
 * A new SLA policy version. Each target sets one clock's business-time goal (ISO-8601 duration) for a segment
 * ({@code channel} and/or {@code direction}; none means every lead); the most specific target wins. The calendar
 * of a clock is the target's own, else the queue's, else {@code defaultCalendar}.
 */
public record PolicyRequest(String name, Double warningRatio, String defaultCalendar,
        Map<String, String> queueCalendars, List<Target> targets, Boolean activate) {

    public record Target(String clock, String channel, String direction, String target, String calendar) {
    }
}
