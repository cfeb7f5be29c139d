package io.leadplatform.support.outbox;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class OutboxRepository implements PanacheRepositoryBase<OutboxMessage, UUID> {

    /** Unsent rows in commit order; rows another relay replica holds are skipped, not waited for. */
    @SuppressWarnings("unchecked")
    public List<OutboxMessage> lockUnsent(int limit) {
        return getEntityManager()
                .createNativeQuery("SELECT * FROM outbox_message WHERE sent_at IS NULL ORDER BY created_at, id "
                        + "LIMIT :limit FOR UPDATE SKIP LOCKED", OutboxMessage.class)
                .setParameter("limit", limit)
                .getResultList();
    }
}
