package io.leadplatform.routing.service;

import jakarta.transaction.TransactionScoped;

import java.io.Serializable;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The leads qualified in the current transaction that still wait for a queue member, in the order they came.
 * Routing places them at the end of the transaction ({@link RoutingEventHandler#placePending}), so the queues' lock is
 * held only from the placements to the commit, not while the rest of a batch is applied.
 */
@TransactionScoped
public class PendingPlacements implements Serializable {

    /** Why the lead is routed, for the ledger: the stage and the scoring model of its latest qualification. */
    public record Pending(UUID leadId, String stage, String modelVersion) {
    }

    private final Map<UUID, Pending> pending = new LinkedHashMap<>();

    /** A later qualification of the same lead in this transaction replaces the earlier one, keeping its place. */
    public void add(Pending lead) {
        pending.put(lead.leadId(), lead);
    }

    public void remove(UUID leadId) {
        pending.remove(leadId);
    }

    /** Takes every pending lead: a second call in the same transaction finds none. */
    public Collection<Pending> drain() {
        List<Pending> all = List.copyOf(pending.values());
        pending.clear();
        return all;
    }
}
