package io.leadplatform.sla.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Business hours in a time zone: weekly opening hours and holidays. A clock counts only the time inside them.
 * Local times are resolved through {@link ZonedDateTime#of}, so a DST gap or overlap shortens or lengthens that
 * day's window by the hour the wall clock skipped or repeated.
 */
public record BusinessCalendar(String name, ZoneId zone, Map<DayOfWeek, List<Hours>> week, Set<LocalDate> holidays) {

    /** The built-in calendar that is always open: business time equals wall time. */
    public static final String ALWAYS_OPEN = "24x7";

    /** How far ahead arithmetic looks for open hours before it gives up on a calendar. */
    static final int MAX_DAYS = 3 * 366;

    /** One opening window of a day; a {@code close} of 00:00 means the end of the day. */
    public record Hours(LocalTime open, LocalTime close) {

        public Hours {
            if (!close.equals(LocalTime.MIDNIGHT) && !close.isAfter(open)) {
                throw new IllegalArgumentException("closes at " + close + " before it opens at " + open);
            }
        }
    }

    public BusinessCalendar {
        EnumMap<DayOfWeek, List<Hours>> sorted = new EnumMap<>(DayOfWeek.class);
        week.forEach((day, hours) -> sorted.put(day, hours.stream()
                .sorted((a, b) -> a.open().compareTo(b.open())).toList()));
        week = Collections.unmodifiableMap(sorted);
        holidays = Set.copyOf(holidays);
    }

    public static BusinessCalendar alwaysOpen() {
        Map<DayOfWeek, List<Hours>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            week.put(day, List.of(new Hours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT)));
        }
        return new BusinessCalendar(ALWAYS_OPEN, ZoneOffset.UTC, week, Set.of());
    }

    public boolean isAlwaysOpen() {
        return holidays.isEmpty() && week.size() == 7 && week.values().stream().allMatch(h -> h.size() == 1
                && h.getFirst().open().equals(LocalTime.MIDNIGHT) && h.getFirst().close().equals(LocalTime.MIDNIGHT));
    }

    /** The instant at which {@code amount} of business time has passed since {@code start}. */
    public Instant plus(Instant start, Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("negative business time " + amount);
        }
        if (amount.isZero() || isAlwaysOpen()) {
            return start.plus(amount);
        }
        Duration remaining = amount;
        LocalDate day = start.atZone(zone).toLocalDate();
        for (int i = 0; i < MAX_DAYS; i++, day = day.plusDays(1)) {
            for (Instant[] window : windowsOn(day)) {
                Instant from = start.isAfter(window[0]) ? start : window[0];
                if (!from.isBefore(window[1])) {
                    continue;
                }
                Duration open = Duration.between(from, window[1]);
                if (remaining.compareTo(open) <= 0) {
                    return from.plus(remaining);
                }
                remaining = remaining.minus(open);
            }
        }
        throw new IllegalStateException("calendar " + name + " has no business hours within " + MAX_DAYS + " days");
    }

    /** The business time between two instants; zero when {@code to} is not after {@code from}. */
    public Duration between(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        if (isAlwaysOpen()) {
            return Duration.between(from, to);
        }
        Duration total = Duration.ZERO;
        LocalDate last = to.atZone(zone).toLocalDate();
        for (LocalDate day = from.atZone(zone).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
            for (Instant[] window : windowsOn(day)) {
                Instant a = from.isAfter(window[0]) ? from : window[0];
                Instant b = to.isBefore(window[1]) ? to : window[1];
                if (b.isAfter(a)) {
                    total = total.plus(Duration.between(a, b));
                }
            }
        }
        return total;
    }

    private List<Instant[]> windowsOn(LocalDate day) {
        if (holidays.contains(day)) {
            return List.of();
        }
        List<Instant[]> windows = new ArrayList<>();
        for (Hours h : week.getOrDefault(day.getDayOfWeek(), List.of())) {
            Instant open = ZonedDateTime.of(day, h.open(), zone).toInstant();
            Instant close = h.close().equals(LocalTime.MIDNIGHT)
                    ? day.plusDays(1).atStartOfDay(zone).toInstant()
                    : ZonedDateTime.of(day, h.close(), zone).toInstant();
            windows.add(new Instant[] {open, close});
        }
        return windows;
    }
}
