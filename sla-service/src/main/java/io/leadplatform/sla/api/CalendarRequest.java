package io.leadplatform.sla.api;

import java.util.List;
import java.util.Map;

/**
 * A business-hours calendar to create or replace: {@code weeklyHours} maps a day ({@code MONDAY}…) to its opening
 * windows ("09:00" to "17:30"; a close of "24:00" is the end of the day), {@code holidays} are ISO dates.
 */
public record CalendarRequest(String name, String timeZone, Map<String, List<OpeningHours>> weeklyHours,
        List<String> holidays) {

    public record OpeningHours(String open, String close) {
    }
}
