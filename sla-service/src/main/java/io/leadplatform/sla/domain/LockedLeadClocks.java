package io.leadplatform.sla.domain;

import jakarta.transaction.TransactionScoped;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * The clocks of each lead this transaction has locked ({@link SlaClockRepository#lockAllOfLead}), with the clocks
 * it started since. A batch of deliveries applies in one transaction (docs/decisions/0006), so a lead's capture,
 * qualification and assignment often meet in one: the later events ask the list again instead of the database,
 * and no query has to flush the batch's pending writes first.
 */
@TransactionScoped
public class LockedLeadClocks implements Serializable {

    private final Map<UUID, LeadClocks> byLead = new HashMap<>();

    LeadClocks computeIfAbsent(UUID leadId, Function<UUID, LeadClocks> lock) {
        return byLead.computeIfAbsent(leadId, lock);
    }

    void forget(UUID leadId) {
        byLead.remove(leadId);
    }
}
