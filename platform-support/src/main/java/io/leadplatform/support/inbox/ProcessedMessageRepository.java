package io.leadplatform.support.inbox;

import io.leadplatform.support.persistence.AdvisoryLocks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The {@code processed_message} table: one row per event a consumer has applied. */
@ApplicationScoped
public class ProcessedMessageRepository {

    private final EntityManager em;
    private final Clock clock;

    public ProcessedMessageRepository(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** Records the event as processed by this consumer; false if it already was (a redelivery). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean markProcessed(UUID eventId, String consumer) {
        // No flush first: the row depends on no entity, and in a batch a flush per event dirty-checked everything
        // the earlier events had loaded (decision 0006).
        return AdvisoryLocks.withoutFlush(em.createNativeQuery("INSERT INTO processed_message (event_id, consumer, "
                        + "processed_at) VALUES (:id, :consumer, :at) ON CONFLICT DO NOTHING"))
                .setParameter("id", eventId)
                .setParameter("consumer", consumer)
                .setParameter("at", OffsetDateTime.now(clock))
                .executeUpdate() == 1;
    }
}
