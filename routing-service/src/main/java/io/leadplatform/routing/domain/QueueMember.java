package io.leadplatform.routing.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

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
    /** The member's place in the round-robin rotation. */
    public int position;

    public enum Role {
        SDR, BDR, AE
    }
}
