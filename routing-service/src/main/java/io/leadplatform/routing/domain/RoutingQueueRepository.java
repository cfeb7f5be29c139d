package io.leadplatform.routing.domain;

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
     */
    public RoutingQueue lockForRouting(RoutingQueue queue) {
        getEntityManager().refresh(queue, LockModeType.PESSIMISTIC_WRITE);
        // Members' counters only change under this lock; re-read them in case they were loaded before it.
        queue.members.forEach(getEntityManager()::refresh);
        return queue;
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
