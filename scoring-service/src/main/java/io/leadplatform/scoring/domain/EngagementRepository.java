package io.leadplatform.scoring.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class EngagementRepository implements PanacheRepositoryBase<Engagement, UUID> {

    public List<Engagement> forLead(UUID leadId) {
        return list("leadId", leadId);
    }

    public List<Engagement> forLeads(Collection<UUID> leadIds) {
        return list("leadId in ?1", leadIds);
    }
}
