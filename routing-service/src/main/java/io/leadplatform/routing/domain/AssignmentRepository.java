package io.leadplatform.routing.domain;

import io.leadplatform.support.persistence.AdvisoryLocks;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class AssignmentRepository implements PanacheRepositoryBase<Assignment, UUID> {

    /** Serialises the routing of one lead until the transaction ends, so concurrent qualifications route it once. */
    public void lockLead(UUID leadId) {
        AdvisoryLocks.lock(getEntityManager(), "routing-lead:" + leadId);
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

    private static final String WORK_ORDER = " order by slaDueAt asc nulls last, score desc nulls last, assignedAt";

    /** An XDR's work: the SLA due soonest first, then the highest score. */
    public List<Assignment> listActiveFor(String assignee) {
        return list("assignee = ?1 and status = ?2" + WORK_ORDER, assignee, Assignment.Status.ACTIVE);
    }

    public List<Assignment> listActiveInQueue(UUID queueId) {
        return list("queue.id = ?1 and status = ?2" + WORK_ORDER, queueId, Assignment.Status.ACTIVE);
    }

    /** Open leads nobody has touched yet, per assignee: what capacity and least-loaded count. */
    public Map<String, Long> openUnworked(Collection<String> usernames) {
        if (usernames.isEmpty()) {
            return Map.of();
        }
        Map<String, Long> counts = new HashMap<>();
        getEntityManager().createQuery("select a.assignee, count(a) from Assignment a where a.assignee in :users "
                        + "and a.status = :status and a.firstTouchedAt is null group by a.assignee", Object[].class)
                .setParameter("users", usernames).setParameter("status", Assignment.Status.ACTIVE)
                .getResultList().forEach(row -> counts.put((String) row[0], ((Number) row[1]).longValue()));
        return counts;
    }

    /** The member of {@code org} who last got a lead of this account, among {@code usernames}. */
    public Optional<String> accountOwner(String domain, OwningOrg org, Collection<String> usernames) {
        if (domain == null || usernames.isEmpty()) {
            return Optional.empty();
        }
        return getEntityManager().createQuery("select a.assignee from Assignment a where lower(a.domain) = lower(:d) "
                        + "and a.owningOrg = :org and a.assignee in :users order by a.assignedAt desc", String.class)
                .setParameter("d", domain).setParameter("org", org).setParameter("users", usernames)
                .setMaxResults(1).getResultStream().findFirst();
    }

    public long deleteForLead(UUID leadId) {
        return delete("leadId", leadId);
    }
}
