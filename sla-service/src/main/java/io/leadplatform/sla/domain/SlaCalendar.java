package io.leadplatform.sla.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A stored business-hours calendar; hours and holidays are JSON documents written by the calendar service. */
@Entity
@Table(name = "sla_calendar")
public class SlaCalendar {

    @Id
    public String name;
    @Column(name = "time_zone", nullable = false)
    public String timeZone;
    @Column(name = "weekly_hours", nullable = false)
    public String weeklyHours;
    @Column(nullable = false)
    public String holidays;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
