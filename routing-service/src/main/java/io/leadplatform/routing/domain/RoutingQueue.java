package io.leadplatform.routing.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** An XDR queue. The org that owns it owns the leads routed to it. */
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
    @Column(name = "rr_cursor")
    public long rrCursor;
    @Column(name = "created_at")
    public Instant createdAt;
    @OneToMany(mappedBy = "queue")
    @OrderBy("position")
    public List<QueueMember> members = new ArrayList<>();

    public enum Purpose {
        INBOUND_SDR, OUTBOUND_BDR
    }

    public enum Strategy {
        ROUND_ROBIN
    }

    /**
     * Hands the next lead to the active member at the cursor's slot and advances the cursor. The caller holds
     * the queue row's lock, so concurrent routers see each other's cursor.
     */
    public MemberPick pickNext() {
        List<QueueMember> active = members.stream()
                .filter(m -> m.active)
                .sorted(Comparator.comparingInt(m -> m.position))
                .toList();
        if (active.isEmpty()) {
            throw new RoutingException("queue " + name + " has no active member");
        }
        long cursor = rrCursor;
        int slot = (int) Math.floorMod(cursor, (long) active.size());
        QueueMember member = active.get(slot);
        rrCursor = cursor + 1;
        String reason = "round robin in " + name + ": cursor " + cursor + " -> slot " + (slot + 1) + " of "
                + active.size() + " active member" + (active.size() == 1 ? "" : "s") + " -> " + member.username;
        return new MemberPick(member, cursor, slot, active.size(), reason);
    }
}
