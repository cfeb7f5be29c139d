package io.leadplatform.lead.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** One thing that happened to a lead: capture, merge, score, stage change, assignment, SLA or rejection. */
@Entity
@Table(name = "lead_timeline")
public class TimelineEntry {

    @Id
    public UUID id;
    @Column(name = "lead_id")
    public UUID leadId;
    @Column(name = "occurred_at")
    public Instant occurredAt;
    public String kind;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public Map<String, Object> detail;

    public static TimelineEntry of(UUID leadId, Instant at, String kind, Map<String, Object> detail) {
        TimelineEntry entry = new TimelineEntry();
        entry.id = UUID.randomUUID();
        entry.leadId = leadId;
        entry.occurredAt = at;
        entry.kind = kind;
        entry.detail = detail;
        return entry;
    }

    /** A detail map from key-value pairs, in order; null values are left out. */
    public static Map<String, Object> details(Object... keyValues) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null) {
                out.put((String) keyValues[i], keyValues[i + 1]);
            }
        }
        return out;
    }
}
