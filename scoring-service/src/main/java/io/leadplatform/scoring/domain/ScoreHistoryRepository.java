package io.leadplatform.scoring.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ScoreHistoryRepository implements PanacheRepositoryBase<ScoreHistoryEntry, UUID> {

    public List<ScoreHistoryEntry> forLead(UUID leadId) {
        return list("leadId = ?1 order by scoredAt", leadId);
    }
}
