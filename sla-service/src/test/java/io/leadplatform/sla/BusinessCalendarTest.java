package io.leadplatform.sla;

import io.leadplatform.sla.calendar.BusinessCalendar;
import io.leadplatform.sla.calendar.BusinessCalendar.Hours;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Business-time arithmetic on its own, with fixed instants. */
class BusinessCalendarTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    static BusinessCalendar weekdays(ZoneId zone, String open, String close, LocalDate... holidays) {
        Map<DayOfWeek, List<Hours>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            week.put(day, List.of(new Hours(LocalTime.parse(open), LocalTime.parse(close))));
        }
        return new BusinessCalendar("office", zone, week, Set.of(holidays));
    }

    static Instant at(String local, ZoneId zone) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(local), zone).toInstant();
    }

    @Test
    void aBreachDueFridayAt1755WithTenMinutesLeftFallsOnMondayMorning() {
        BusinessCalendar office = weekdays(BERLIN, "09:00", "18:00");
        // 2026-11-27 is a Friday.
        Instant due = office.plus(at("2026-11-27T17:55", BERLIN), Duration.ofMinutes(10));
        assertThat(due).isEqualTo(at("2026-11-30T09:05", BERLIN));
        assertThat(office.between(at("2026-11-27T17:55", BERLIN), due)).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void aHolidayIsSkipped() {
        // Monday 2026-11-30 is a holiday: the breach moves on to Tuesday.
        BusinessCalendar office = weekdays(BERLIN, "09:00", "18:00", LocalDate.parse("2026-11-30"));
        assertThat(office.plus(at("2026-11-27T17:55", BERLIN), Duration.ofMinutes(10)))
                .isEqualTo(at("2026-12-01T09:05", BERLIN));
        assertThat(office.between(at("2026-11-27T12:00", BERLIN), at("2026-12-01T12:00", BERLIN)))
                .isEqualTo(Duration.ofHours(6 + 3));
    }

    @Test
    void aStartOutsideHoursWaitsForTheNextOpening() {
        BusinessCalendar office = weekdays(BERLIN, "09:00", "18:00");
        assertThat(office.plus(at("2026-11-28T11:00", BERLIN), Duration.ofMinutes(5)))
                .isEqualTo(at("2026-11-30T09:05", BERLIN));
        assertThat(office.plus(at("2026-11-24T07:00", BERLIN), Duration.ofHours(9)))
                .isEqualTo(at("2026-11-24T18:00", BERLIN));
        assertThat(office.plus(at("2026-11-24T07:00", BERLIN), Duration.ofHours(24)))
                .isEqualTo(at("2026-11-26T15:00", BERLIN));
    }

    @Test
    void theSameInstantFallsDifferentlyInAnotherTimeZone() {
        BusinessCalendar berlin = weekdays(BERLIN, "09:00", "17:00");
        BusinessCalendar newYork = weekdays(NEW_YORK, "09:00", "17:00");
        Instant start = Instant.parse("2026-11-24T15:30:00Z"); // 16:30 in Berlin, 10:30 in New York
        assertThat(berlin.plus(start, Duration.ofHours(1))).isEqualTo(at("2026-11-25T09:30", BERLIN));
        assertThat(newYork.plus(start, Duration.ofHours(1))).isEqualTo(at("2026-11-24T11:30", NEW_YORK));
    }

    @Test
    void businessHoursFollowTheWallClockAcrossADaylightSavingChange() {
        BusinessCalendar newYork = weekdays(NEW_YORK, "09:00", "17:00");
        // Clocks spring forward on Sunday 2026-03-08: Friday 16:00 EST plus 2 business hours is Monday 10:00 EDT.
        Instant due = newYork.plus(at("2026-03-06T16:00", NEW_YORK), Duration.ofHours(2));
        assertThat(due).isEqualTo(Instant.parse("2026-03-09T14:00:00Z"));
        assertThat(Duration.between(at("2026-03-06T16:00", NEW_YORK), due)).isEqualTo(Duration.ofHours(65));
    }

    @Test
    void aRoundTheClockDayLosesTheSkippedHourAtTheSpringChange() {
        Map<DayOfWeek, List<Hours>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            week.put(day, List.of(new Hours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT)));
        }
        BusinessCalendar berlin = new BusinessCalendar("berlin-24x7", BERLIN, week,
                Set.of(LocalDate.parse("2026-12-25")));
        // 2026-03-29 has 23 hours in Berlin.
        assertThat(berlin.between(at("2026-03-29T00:00", BERLIN), at("2026-03-30T00:00", BERLIN)))
                .isEqualTo(Duration.ofHours(23));
        assertThat(berlin.plus(at("2026-12-24T23:00", BERLIN), Duration.ofHours(2)))
                .isEqualTo(at("2026-12-26T01:00", BERLIN));
    }

    @Test
    void theAlwaysOpenCalendarIsWallTime() {
        BusinessCalendar always = BusinessCalendar.alwaysOpen();
        Instant start = Instant.parse("2026-11-28T10:00:00Z");
        assertThat(always.isAlwaysOpen()).isTrue();
        assertThat(always.plus(start, Duration.ofSeconds(8))).isEqualTo(start.plusSeconds(8));
        assertThat(always.between(start, start.plusSeconds(90))).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void lunchBreaksAreNotBusinessTime() {
        Map<DayOfWeek, List<Hours>> week = new EnumMap<>(DayOfWeek.class);
        week.put(DayOfWeek.MONDAY, List.of(new Hours(LocalTime.of(13, 0), LocalTime.of(17, 0)),
                new Hours(LocalTime.of(9, 0), LocalTime.of(12, 0))));
        BusinessCalendar mondays = new BusinessCalendar("mondays", BERLIN, week, Set.of());
        assertThat(mondays.plus(at("2026-11-30T11:30", BERLIN), Duration.ofHours(1)))
                .isEqualTo(at("2026-11-30T13:30", BERLIN));
        assertThat(mondays.between(at("2026-11-30T08:00", BERLIN), at("2026-11-30T18:00", BERLIN)))
                .isEqualTo(Duration.ofHours(7));
    }

    @Test
    void aCalendarWithoutHoursCannotDue() {
        BusinessCalendar closed = new BusinessCalendar("closed", BERLIN, Map.of(), Set.of());
        assertThatThrownBy(() -> closed.plus(Instant.parse("2026-11-28T10:00:00Z"), Duration.ofMinutes(1)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(closed.between(Instant.parse("2026-11-28T10:00:00Z"), Instant.parse("2026-11-29T10:00:00Z")))
                .isZero();
    }
}
