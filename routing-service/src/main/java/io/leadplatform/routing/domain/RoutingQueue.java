package io.leadplatform.routing.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** An XDR (or AE) queue. The org that owns it owns the leads routed to it. */
@Entity
@Table(name = "queue")
public class RoutingQueue {

    @Id
    public UUID id;
    public String name;
    @Enumerated(EnumType.STRING)
    @Column(name = "owning_org")
    public OwningOrg owningOrg;
    @Enumerated(EnumType.STRING)
    public Purpose purpose;
    @Enumerated(EnumType.STRING)
    public Strategy strategy = Strategy.ROUND_ROBIN;
    /** How many leads the queue has handed out; advanced under the row lock. */
    @Column(name = "rr_cursor")
    public long rrCursor;
    @Column(name = "created_at")
    public Instant createdAt;
    /** Takes a lead when neither the queue nor its overflow queue has an eligible member. */
    public String manager;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "overflow_queue_id")
    public RoutingQueue overflowQueue;
    @Column(name = "enforce_working_hours")
    public boolean enforceWorkingHours;
    /** Days off for the whole queue, in each member's time zone; they count only with working hours enforced. */
    @ElementCollection
    @CollectionTable(name = "queue_holiday", joinColumns = @JoinColumn(name = "queue_id"))
    @Column(name = "day")
    public Set<LocalDate> holidays = new TreeSet<>();
    @Enumerated(EnumType.STRING)
    public Escalation escalation = Escalation.RECORD;
    @OneToMany(mappedBy = "queue")
    @OrderBy("position")
    public List<QueueMember> members = new ArrayList<>();

    public enum Purpose {
        INBOUND_SDR, OUTBOUND_BDR, AE, NURTURE, OVERFLOW
    }

    public enum Strategy {
        ROUND_ROBIN, WEIGHTED, LEAST_LOADED, ACCOUNT_STICKY
    }

    /** What an SLA breach on one of the queue's leads does beyond recording it. */
    public enum Escalation {
        RECORD, REASSIGN
    }

    public boolean hasMember(String username) {
        return members.stream().anyMatch(m -> m.active && m.username.equals(username));
    }

    /** The queue's manager, or the manager of one of its active members. */
    public boolean isManagedBy(String username) {
        return username.equals(manager) || members.stream().anyMatch(m -> m.active && username.equals(m.manager));
    }
}
