package io.leadplatform.sla.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A business-hours calendar as the API shows it. */
public record CalendarView(String name, String timeZone, Map<String, List<CalendarRequest.OpeningHours>> weeklyHours,
        List<String> holidays, Instant updatedAt) {
}
