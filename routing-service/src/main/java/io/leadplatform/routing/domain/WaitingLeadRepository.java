package io.leadplatform.routing.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class WaitingLeadRepository implements PanacheRepositoryBase<WaitingLead, UUID> {

    public List<WaitingLead> inQueue(UUID queueId) {
        return list("queue.id = ?1 order by since, leadId", queueId);
    }

    /** The oldest waiting leads; each retry then takes the lead's lock, so replicas never place one twice. */
    public List<UUID> oldest(int limit) {
        return getEntityManager().createQuery("select w.leadId from WaitingLead w order by w.since, w.leadId",
                UUID.class).setMaxResults(limit).getResultList();
    }
}
