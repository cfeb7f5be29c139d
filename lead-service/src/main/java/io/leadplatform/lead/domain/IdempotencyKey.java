package io.leadplatform.lead.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/**
 * The first result of a capture sent with an Idempotency-Key, per caller: a retry of the same request with the same key
 * gets it back; the same key with another request is refused.
 */
@Entity
@Table(name = "idempotency_key")
@IdClass(IdempotencyKey.Scoped.class)
public class IdempotencyKey {

    @Id
    public String client;
    @Id
    public String key;
    /** SHA-256 of the request, hex; null for a key stored before requests were remembered. */
    @Column(name = "request_hash")
    public String requestHash;
    @Column(name = "lead_id")
    public UUID leadId;
    public int status;
    @Column(name = "created_at")
    public Instant createdAt;

    /** A key as its caller sent it. */
    public record Scoped(String client, String key) implements Serializable {
    }

    /** Whether a request with this hash may be answered with the stored result. */
    public boolean answers(String hash) {
        return requestHash == null || requestHash.equals(hash);
    }
}
