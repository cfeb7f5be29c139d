package io.leadplatform.routing.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

@ApplicationScoped
public class MemberBreachRepository implements PanacheRepositoryBase<MemberBreach, UUID> {

    public long since(String username, Instant since) {
        return count("username = ?1 and at >= ?2", username, since);
    }

    public long deleteForLead(UUID leadId) {
        return delete("leadId", leadId);
    }
}
