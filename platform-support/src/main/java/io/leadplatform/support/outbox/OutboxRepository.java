package io.leadplatform.support.outbox;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import io.leadplatform.support.persistence.AdvisoryLocks;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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

    /**
     * Marks the rows sent in one statement, instead of an UPDATE per row: a relay pass marks up to a batch of
     * rows, and every published event passes here once. The loaded rows are left as they are (nothing else of
     * them changes), so the commit has no entity update to flush for them.
     */
    public void markSent(List<UUID> ids, Instant at) {
        if (ids.isEmpty()) {
            return;
        }
        AdvisoryLocks.withoutFlush(getEntityManager().createNativeQuery(
                        "UPDATE outbox_message SET sent_at = :at WHERE id IN (:ids)"))
                .setParameter("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .setParameter("ids", ids)
                .executeUpdate();
    }
}
