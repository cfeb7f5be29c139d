package io.leadplatform.routing.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** An XDR (or AE) in a queue; {@code username} is their Keycloak username. */
@Entity
@Table(name = "queue_member")
public class QueueMember {

    @Id
    public UUID id;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "queue_id")
    public RoutingQueue queue;
    public String username;
    @Enumerated(EnumType.STRING)
    public Role role;
    public boolean active = true;
    /** Breaks ties between members with the same share, in this order. */
    public int position;
    public int weight = 1;
    /** The most open, unworked leads the member holds; null is no limit. */
    public Integer capacity;
    @Column(name = "work_start")
    public LocalTime workStart;
    @Column(name = "work_end")
    public LocalTime workEnd;
    @Column(name = "time_zone")
    public String timeZone;
    /** The days working hours apply, such as "MON,TUE,WED,THU,FRI"; null is every day. */
    @Column(name = "work_days")
    public String workDays;
    public String manager;
    @Column(name = "carries_quota")
    public boolean carriesQuota;
    /** Leads this member got from this queue; new members start at the roster's minimum. */
    @Column(name = "assigned_count")
    public long assignedCount;
    /** Set by escalation after too many SLA breaches. */
    @Column(name = "unavailable_until")
    public Instant unavailableUntil;
    @ElementCollection
    @CollectionTable(name = "queue_member_absence", joinColumns = @JoinColumn(name = "member_id"))
    public List<Absence> absences = new ArrayList<>();

    public enum Role {
        SDR, BDR, AE
    }

    @Embeddable
    public static class Absence {
        @Column(name = "starts_at")
        public Instant startsAt;
        @Column(name = "ends_at")
        public Instant endsAt;

        public Absence() {
        }

        public Absence(Instant startsAt, Instant endsAt) {
            this.startsAt = startsAt;
            this.endsAt = endsAt;
        }
    }

    /**
     * Why the member cannot take a lead now, or empty when they can. With working hours enforced, a holiday of the
     * queue or a day outside {@link #workDays} is off, in the member's time zone (UTC without one); a shift across
     * midnight belongs to the day it started.
     */
    public Optional<String> unavailableReason(Instant now, boolean enforceWorkingHours, Set<LocalDate> holidays,
            long openUnworked) {
        if (unavailableUntil != null && now.isBefore(unavailableUntil)) {
            return Optional.of("unavailable until " + unavailableUntil + " (repeated SLA breaches)");
        }
        for (Absence absence : absences) {
            if (!now.isBefore(absence.startsAt) && now.isBefore(absence.endsAt)) {
                return Optional.of("out of office until " + absence.endsAt);
            }
        }
        if (enforceWorkingHours) {
            LocalDate shiftDay = shiftDay(now);
            if (holidays.contains(shiftDay)) {
                return Optional.of("holiday " + shiftDay);
            }
            if (workDays != null && !workDaySet().contains(shiftDay.getDayOfWeek())) {
                return Optional.of("not a working day (" + shiftDay.getDayOfWeek() + ")");
            }
            if (workStart != null && workEnd != null && timeZone != null && !withinHours(now)) {
                return Optional.of("outside working hours " + workStart + "-" + workEnd + " " + timeZone);
            }
        }
        if (capacity != null && openUnworked >= capacity) {
            return Optional.of("at capacity (" + openUnworked + "/" + capacity + " open unworked)");
        }
        return Optional.empty();
    }

    /** Parses {@link #workDays}: day names such as MON or MONDAY, comma-separated. */
    public static Set<DayOfWeek> parseWorkDays(String days) {
        Set<DayOfWeek> parsed = EnumSet.noneOf(DayOfWeek.class);
        for (String day : days.split(",")) {
            String name = day.trim().toUpperCase(Locale.ROOT);
            parsed.add(Arrays.stream(DayOfWeek.values()).filter(d -> d.name().equals(name)
                            || d.name().startsWith(name) && name.length() == 3).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("not a day: " + day.trim())));
        }
        return parsed;
    }

    private Set<DayOfWeek> workDaySet() {
        return parseWorkDays(workDays);
    }

    private LocalDate shiftDay(Instant now) {
        LocalDateTime local = LocalDateTime.ofInstant(now, timeZone == null ? ZoneOffset.UTC : ZoneId.of(timeZone));
        boolean acrossMidnight = workStart != null && workEnd != null && workStart.isAfter(workEnd);
        return acrossMidnight && local.toLocalTime().isBefore(workEnd)
                ? local.toLocalDate().minusDays(1) : local.toLocalDate();
    }

    private boolean withinHours(Instant now) {
        LocalTime local = now.atZone(ZoneId.of(timeZone)).toLocalTime();
        if (workStart.isBefore(workEnd)) {
            return !local.isBefore(workStart) && local.isBefore(workEnd);
        }
        // A shift across midnight, such as 22:00-06:00.
        return !local.isBefore(workStart) || local.isBefore(workEnd);
    }
}
