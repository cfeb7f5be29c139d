package io.leadplatform.routing.domain;

import io.leadplatform.support.persistence.AdvisoryLocks;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class RoutingQueueRepository implements PanacheRepositoryBase<RoutingQueue, UUID> {

    /**
     * Locks the queue row (SELECT ... FOR UPDATE) until the transaction ends and re-reads it, so the cursor is
     * the one the last committed router left, not a copy loaded earlier.
     * <p>
     * First it takes one advisory lock that every queue lock is taken under. A transaction may lock several queues
     * (a queue and its overflow, or the queues of a batch of leads, decision 0006), in any order; without this, two
     * of them could each hold a queue the other waits for. The advisory lock is re-entrant within a transaction, so
     * only the first queue lock of a transaction waits for it.
     */
    public RoutingQueue lockForRouting(RoutingQueue queue) {
        var em = getEntityManager();
        if (em.contains(queue) && em.getLockMode(queue) == LockModeType.PESSIMISTIC_WRITE) {
            // Locked and re-read earlier in this transaction (an earlier lead of a batch): nobody else has
            // changed it since, so the rows need neither locking nor reading again.
            return queue;
        }
        lockQueues();
        // A refresh discards what this transaction changed but has not written yet (a breach making a member
        // unavailable just before it reassigns): write it first, so the re-read keeps it.
        em.flush();
        em.refresh(queue, LockModeType.PESSIMISTIC_WRITE);
        // Members' counters only change under this lock; re-read them in case they were loaded before it.
        queue.members.forEach(em::refresh);
        return queue;
    }

    /**
     * The advisory lock that queue and member rows are written under (see {@link #lockForRouting}); taken by
     * whatever changes a member outside a placement, such as an SLA breach making a member unavailable.
     */
    public void lockQueues() {
        AdvisoryLocks.lock(getEntityManager(), "routing-queues");
    }

    public Optional<RoutingQueue> findByName(String name) {
        return find("name", name).firstResultOptional();
    }

    /** By id or by name, as API requests may name a queue either way. */
    public Optional<RoutingQueue> findByRef(String ref) {
        try {
            return findByIdOptional(UUID.fromString(ref));
        } catch (IllegalArgumentException notAnId) {
            return findByName(ref);
        }
    }

    public List<RoutingQueue> listWithMembers() {
        return find("select distinct q from RoutingQueue q left join fetch q.members order by q.name").list();
    }
}
