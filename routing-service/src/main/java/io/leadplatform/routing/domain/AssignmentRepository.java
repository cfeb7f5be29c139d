package io.leadplatform.routing.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class AssignmentRepository implements PanacheRepositoryBase<Assignment, UUID> {

    /** Serialises the routing of one lead until the transaction ends, so concurrent qualifications route it once. */
    public void lockLead(UUID leadId) {
        getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .setParameter("key", "routing-lead:" + leadId)
                .getSingleResult();
    }

    public Optional<Assignment> findActive(UUID leadId) {
        return find("leadId = ?1 and status = ?2", leadId, Assignment.Status.ACTIVE).firstResultOptional();
    }

    public Optional<Assignment> findActiveForUpdate(UUID leadId) {
        return find("leadId = ?1 and status = ?2", leadId, Assignment.Status.ACTIVE)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /** The active assignment, else the most recent one. */
    public Optional<Assignment> findCurrent(UUID leadId) {
        return find("leadId = ?1 order by case when status = ?2 then 0 else 1 end, assignedAt desc", leadId,
                Assignment.Status.ACTIVE).firstResultOptional();
    }

    public List<Assignment> listActiveFor(String assignee) {
        return list("assignee = ?1 and status = ?2 order by assignedAt desc", assignee, Assignment.Status.ACTIVE);
    }

    public long deleteForLead(UUID leadId) {
        return delete("leadId", leadId);
    }
}
