package io.leadplatform.lead.domain;

import io.leadplatform.events.LeadEngaged;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** Something a lead did (a page view, a demo request, an NPS answer), as the scoring of engagement needs it. */
@Entity
@Table(name = "engagement_event")
public class EngagementEvent {

    @Id
    public UUID id;
    @Column(name = "lead_id")
    public UUID leadId;
    public String type;
    public Double value;
    @Column(name = "occurred_at")
    public Instant occurredAt;
    @Column(name = "received_at")
    public Instant receivedAt;

    public record Recorded(EngagementEvent event, LeadEngaged engaged) {
    }

    public static Recorded record(UUID leadId, String type, Double value, Instant occurredAt, Instant receivedAt) {
        EngagementEvent e = new EngagementEvent();
        e.id = UUID.randomUUID();
        e.leadId = leadId;
        e.type = type;
        e.value = value;
        e.occurredAt = occurredAt;
        e.receivedAt = receivedAt;
        return new Recorded(e, new LeadEngaged(leadId, e.id, type, value, occurredAt));
    }
}
