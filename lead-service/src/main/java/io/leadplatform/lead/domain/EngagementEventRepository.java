package io.leadplatform.lead.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.query.NativeQuery;
import org.hibernate.type.StandardBasicTypes;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class EngagementEventRepository implements PanacheRepositoryBase<EngagementEvent, UUID> {

    /** Stores an imported event unless the same one was imported before; true when it was new. */
    public boolean insertImported(EngagementEvent e, String importKey) {
        NativeQuery<?> query = getEntityManager().createNativeQuery("INSERT INTO engagement_event "
                        + "(id, lead_id, type, value, occurred_at, received_at, import_key) "
                        + "VALUES (:id, :lead, :type, :value, :occurred, :received, :key) "
                        + "ON CONFLICT (lead_id, import_key) DO NOTHING").unwrap(NativeQuery.class);
        return query.setParameter("id", e.id).setParameter("lead", e.leadId).setParameter("type", e.type)
                .setParameter("value", e.value, StandardBasicTypes.DOUBLE).setParameter("occurred", e.occurredAt)
                .setParameter("received", e.receivedAt).setParameter("key", importKey)
                .executeUpdate() == 1;
    }

    public List<EngagementEvent> forLead(UUID leadId) {
        return list("leadId = ?1 order by occurredAt", leadId);
    }
}
