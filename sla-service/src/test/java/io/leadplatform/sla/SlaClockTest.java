package io.leadplatform.sla;

import io.leadplatform.sla.calendar.BusinessCalendar;
import io.leadplatform.sla.domain.ClockStatus;
import io.leadplatform.sla.domain.ClockType;
import io.leadplatform.sla.domain.SlaClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The clock's transitions on their own, without the application. */
class SlaClockTest {

    static final Instant START = Instant.parse("2026-11-23T09:15:00Z");
    static final SlaClock.Terms FIVE_MINUTES = new SlaClock.Terms("default-1", Duration.ofMinutes(5), 0.75,
            BusinessCalendar.alwaysOpen());

    static SlaClock.Subject subject() {
        return new SlaClock.Subject(UUID.randomUUID(), UUID.randomUUID(), "MARKETING", "inbound-sdr", "xena", "paid",
                "inbound");
    }

    static SlaClock running() {
        return SlaClock.start(ClockType.FIRST_TOUCH, FIVE_MINUTES, subject(), START).clock();
    }

    @Test
    void startingComputesDueAndWarningTimes() {
        SlaClock.Started started = SlaClock.start(ClockType.FIRST_TOUCH, FIVE_MINUTES, subject(),
                START);
        assertThat(started.clock().status).isEqualTo(ClockStatus.RUNNING);
        assertThat(started.clock().dueAt).isEqualTo(Instant.parse("2026-11-23T09:20:00Z"));
        assertThat(started.clock().warnAt).isEqualTo(Instant.parse("2026-11-23T09:18:45Z"));
        assertThat(started.event().clockId()).isEqualTo(started.clock().id);
        assertThat(started.event().dueAt()).isEqualTo(started.clock().dueAt);
    }

    @Test
    void aTouchInTimeMeetsTheClockWithTheElapsedTime() {
        SlaClock clock = running();
        assertThat(clock.meet(START.plusSeconds(150))).hasValueSatisfying(met ->
                assertThat(met.elapsedMillis()).isEqualTo(150_000));
        assertThat(clock.status).isEqualTo(ClockStatus.MET);
        assertThat(clock.meet(START.plusSeconds(160))).isEmpty();
        assertThat(clock.breach(START.plus(Duration.ofHours(1)))).isEmpty();
    }

    @Test
    void aBreachHappensOnceAndOnlyWhenDue() {
        SlaClock clock = running();
        assertThat(clock.breach(START.plusSeconds(299))).isEmpty();
        assertThat(clock.breach(START.plusSeconds(301))).isPresent();
        assertThat(clock.status).isEqualTo(ClockStatus.BREACHED);
        assertThat(clock.breach(START.plusSeconds(302))).isEmpty();
        assertThat(clock.meet(START.plusSeconds(303))).isEmpty();
    }

    @Test
    void aTouchAfterTheDueTimeDoesNotMeetTheClock() {
        SlaClock clock = running();
        assertThat(clock.meet(START.plusSeconds(301))).isEmpty();
        assertThat(clock.status).isEqualTo(ClockStatus.RUNNING);
    }

    @Test
    void aWarningIsGivenOnceAfterItsTime() {
        SlaClock clock = running();
        assertThat(clock.warn(START.plusSeconds(224))).isEmpty();
        assertThat(clock.warn(START.plusSeconds(225))).isPresent();
        assertThat(clock.warn(START.plusSeconds(226))).isEmpty();
    }

    @Test
    void aCancelledClockNeitherBreachesNorMeets() {
        SlaClock clock = running();
        assertThat(clock.cancel(START.plusSeconds(10))).isTrue();
        assertThat(clock.breach(START.plus(Duration.ofHours(1)))).isEmpty();
        assertThat(clock.meet(START.plusSeconds(20))).isEmpty();
        assertThat(clock.cancel(START.plusSeconds(30))).isFalse();
    }

    @Test
    void aPausedClockKeepsItsBusinessTimeLeftAndResumesWithALaterDueTime() {
        // Mon-Fri 09:00-18:00 in Berlin; START is Monday 10:15 local.
        BusinessCalendar office = BusinessCalendarTest.weekdays(java.time.ZoneId.of("Europe/Berlin"), "09:00",
                "18:00");
        SlaClock.Terms oneHour = new SlaClock.Terms("office-v1", Duration.ofHours(1), 0.75, office);
        SlaClock clock = SlaClock.start(ClockType.FIRST_TOUCH, oneHour, subject(), START).clock();
        assertThat(clock.dueAt).isEqualTo(Instant.parse("2026-11-23T10:15:00Z"));

        assertThat(clock.pause(START.plus(Duration.ofMinutes(20)), "waiting on prospect", office)).isTrue();
        assertThat(clock.status).isEqualTo(ClockStatus.PAUSED);
        assertThat(clock.remainingMs).isEqualTo(Duration.ofMinutes(40).toMillis());
        assertThat(clock.breach(START.plus(Duration.ofHours(5)))).isEmpty();
        assertThat(clock.warn(START.plus(Duration.ofHours(5)))).isEmpty();
        assertThat(clock.pause(START.plus(Duration.ofMinutes(30)), "again", office)).isFalse();

        // Resumed Monday 17:50 local: 10 minutes today, 30 more on Tuesday morning.
        Instant resumedAt = Instant.parse("2026-11-23T16:50:00Z");
        assertThat(clock.resume(resumedAt, office)).isTrue();
        assertThat(clock.status).isEqualTo(ClockStatus.RUNNING);
        assertThat(clock.dueAt).isEqualTo(Instant.parse("2026-11-24T08:30:00Z"));
        assertThat(clock.warnAt).isEqualTo(Instant.parse("2026-11-24T08:15:00Z"));
        assertThat(clock.resume(resumedAt, office)).isFalse();
        assertThat(clock.breach(Instant.parse("2026-11-24T08:29:59Z"))).isEmpty();
        assertThat(clock.breach(Instant.parse("2026-11-24T08:30:00Z"))).isPresent();
    }

    @Test
    void aPausedClockIsMetByATouchAndItsBusinessTimeLeavesThePauseOut() {
        BusinessCalendar office = BusinessCalendarTest.weekdays(java.time.ZoneId.of("Europe/Berlin"), "09:00",
                "18:00");
        SlaClock clock = SlaClock.start(ClockType.FIRST_TOUCH,
                new SlaClock.Terms("office-v1", Duration.ofHours(1), 0.75, office), subject(), START).clock();
        clock.pause(START.plus(Duration.ofMinutes(10)), null, office);
        clock.resume(START.plus(Duration.ofMinutes(40)), office);
        clock.recordTouch(START.plus(Duration.ofMinutes(50)), office);
        assertThat(clock.touchWallMs).isEqualTo(Duration.ofMinutes(50).toMillis());
        assertThat(clock.touchBusinessMs).isEqualTo(Duration.ofMinutes(20).toMillis());
        assertThat(clock.meet(START.plus(Duration.ofMinutes(50)))).isPresent();

        SlaClock paused = SlaClock.start(ClockType.ACCEPT,
                new SlaClock.Terms("office-v1", Duration.ofHours(1), 0.75, office), subject(), START).clock();
        paused.pause(START.plus(Duration.ofMinutes(10)), null, office);
        assertThat(paused.meet(START.plus(Duration.ofHours(3)))).isPresent();
        assertThat(paused.status).isEqualTo(ClockStatus.MET);
    }

    @Test
    void aClockPastItsDueTimeCannotBePausedButAPausedOneCanBeCancelled() {
        SlaClock late = running();
        assertThat(late.pause(START.plusSeconds(300), null, BusinessCalendar.alwaysOpen())).isFalse();
        SlaClock clock = running();
        clock.pause(START.plusSeconds(10), null, BusinessCalendar.alwaysOpen());
        assertThat(clock.cancel(START.plusSeconds(20))).isTrue();
        assertThat(clock.status).isEqualTo(ClockStatus.CANCELLED);
    }
}
