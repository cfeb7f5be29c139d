package io.leadplatform.lead.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class LeadSlaClockRepository implements PanacheRepositoryBase<LeadSlaClock, UUID> {

    public List<LeadSlaClock> forLead(UUID leadId) {
        return list("leadId = ?1 order by startedAt", leadId);
    }
}
