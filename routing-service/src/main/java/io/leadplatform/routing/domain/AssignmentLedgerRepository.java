package io.leadplatform.routing.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class AssignmentLedgerRepository implements PanacheRepositoryBase<AssignmentLedgerEntry, UUID> {

    public List<AssignmentLedgerEntry> forLead(UUID leadId) {
        return list("leadId = ?1 order by at, seq", leadId);
    }

    public long deleteForLead(UUID leadId) {
        return delete("leadId", leadId);
    }
}
