package io.leadplatform.lead.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** The first result of a capture sent with an Idempotency-Key; a retry with the same key gets it back. */
@Entity
@Table(name = "idempotency_key")
public class IdempotencyKey {

    @Id
    public String key;
    @Column(name = "lead_id")
    public UUID leadId;
    public int status;
    @Column(name = "created_at")
    public Instant createdAt;
}
