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

    /**
     * Rows still unsent that were appended before {@code before}, oldest first; rows another relay replica holds are
     * skipped, not waited for.
     */
    @SuppressWarnings("unchecked")
    public List<OutboxMessage> lockUnsent(int limit, Instant before) {
        return getEntityManager()
                .createNativeQuery("SELECT * FROM outbox_message WHERE sent_at IS NULL AND created_at < :before "
                        + "ORDER BY created_at, id LIMIT :limit FOR UPDATE SKIP LOCKED", OutboxMessage.class)
                .setParameter("before", OffsetDateTime.ofInstant(before, ZoneOffset.UTC))
                .setParameter("limit", limit)
                .getResultList();
    }

    /**
     * Marks the rows sent in one statement, instead of an UPDATE per row: every published event passes here once,
     * with the others confirmed since the last mark. A row already marked keeps its time. Loaded rows are left as
     * they are (nothing else of them changes), so the commit has no entity update to flush for them.
     */
    public void markSent(List<UUID> ids, Instant at) {
        if (ids.isEmpty()) {
            return;
        }
        AdvisoryLocks.withoutFlush(getEntityManager().createNativeQuery(
                        "UPDATE outbox_message SET sent_at = :at WHERE id IN (:ids) AND sent_at IS NULL"))
                .setParameter("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .setParameter("ids", ids)
                .executeUpdate();
    }
}
