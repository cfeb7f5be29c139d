package io.leadplatform.sla;

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
    static final SlaClock.Policy FIVE_MINUTES = new SlaClock.Policy("default-1", Duration.ofMinutes(5), 0.75);

    static SlaClock running() {
        return SlaClock.start(ClockType.FIRST_TOUCH, FIVE_MINUTES, UUID.randomUUID(), UUID.randomUUID(),
                "MARKETING", "inbound-sdr", "xena", START).clock();
    }

    @Test
    void startingComputesDueAndWarningTimes() {
        SlaClock.Started started = SlaClock.start(ClockType.FIRST_TOUCH, FIVE_MINUTES, UUID.randomUUID(),
                UUID.randomUUID(), "MARKETING", "inbound-sdr", "xena", START);
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
}
