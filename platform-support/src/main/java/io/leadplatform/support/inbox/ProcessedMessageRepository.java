package io.leadplatform.support.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.ResultSet;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
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
        // Plain JDBC: no flush first (the row depends on no entity, and in a batch a flush per event dirty-checked
        // everything the earlier events had loaded, decision 0006), and none of a native query's parsing and result
        // mapping, which cost more than the insert itself.
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO processed_message "
                    + "(event_id, consumer, processed_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
                insert.setObject(1, eventId);
                insert.setString(2, consumer);
                insert.setObject(3, OffsetDateTime.now(clock));
                return insert.executeUpdate() == 1;
            }
        });
    }

    /**
     * Records several events as processed by this consumer in one statement, and returns those that were not yet
     * (an id given twice counts once): a batch of events (decision 0006) costs one insert, not one per event.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<UUID> markAllProcessed(Collection<UUID> eventIds, String consumer) {
        if (eventIds.isEmpty()) {
            return Set.of();
        }
        // Plain JDBC, so the RETURNING rows come back as they are, and nothing is flushed first.
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO processed_message "
                    + "(event_id, consumer, processed_at) SELECT DISTINCT e, ?, ? FROM unnest(?) AS t(e) "
                    + "ON CONFLICT DO NOTHING RETURNING event_id")) {
                insert.setString(1, consumer);
                insert.setObject(2, OffsetDateTime.now(clock));
                insert.setArray(3, connection.createArrayOf("uuid", eventIds.toArray()));
                Set<UUID> inserted = new HashSet<>();
                try (ResultSet rows = insert.executeQuery()) {
                    while (rows.next()) {
                        inserted.add(rows.getObject(1, UUID.class));
                    }
                }
                return inserted;
            }
        });
    }
}
