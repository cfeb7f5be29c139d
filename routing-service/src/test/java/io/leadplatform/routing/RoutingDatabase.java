package io.leadplatform.routing;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** Counts rows straight from the test database, to check effects the API does not show. */
@ApplicationScoped
public class RoutingDatabase {

    private final EntityManager em;

    public RoutingDatabase(EntityManager em) {
        this.em = em;
    }

    public long assignments(UUID lead) {
        return count("SELECT count(*) FROM assignment WHERE lead_id = :id", lead);
    }

    /** How many of these leads each assignee holds. */
    public Map<String, Long> assigneeCounts(List<UUID> leads) {
        Map<String, Long> counts = new TreeMap<>();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "SELECT assignee, count(*) FROM assignment WHERE lead_id IN (:ids) GROUP BY assignee",
                        Object[].class)
                .setParameter("ids", leads).getResultList()
                .forEach(row -> counts.put((String) ((Object[]) row)[0], ((Number) ((Object[]) row)[1]).longValue())));
        return counts;
    }

    public long ledgerEntries(UUID lead) {
        return count("SELECT count(*) FROM assignment_ledger_entry WHERE lead_id = :id", lead);
    }

    public long outboxRows(String type, UUID lead) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "SELECT count(*) FROM outbox_message WHERE type = :type AND subject = :id")
                .setParameter("type", type).setParameter("id", lead.toString()).getSingleResult()).longValue());
    }

    public long processed(UUID eventId) {
        return count("SELECT count(*) FROM processed_message WHERE event_id = :id", eventId);
    }

    public long queueCursor(String queue) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT rr_cursor FROM queue WHERE name = :name").setParameter("name", queue)
                .getSingleResult()).longValue());
    }

    /** As if the assignee had worked the lead, without going through the API as them. */
    public void markTouched(UUID lead) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE assignment SET first_touched_at = now() WHERE lead_id = :id AND status = 'ACTIVE'")
                .setParameter("id", lead).executeUpdate());
    }

    public long activeAssignments(UUID lead) {
        return count("SELECT count(*) FROM assignment WHERE lead_id = :id AND status = 'ACTIVE'", lead);
    }

    /** The account tier stored with the lead's last qualification. */
    public String factTier(UUID lead) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "SELECT account_tier FROM qualified_fact WHERE lead_id = :id").setParameter("id", lead)
                .getSingleResult());
    }

    /** Stored qualifications of these tiers received in the last {@code days} days, as a simulation replays them. */
    public long factsOfTiers(int days, String... tiers) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM qualified_fact WHERE account_tier IN (:tiers)"
                        + " AND received_at >= now() - make_interval(days => :days)")
                .setParameter("tiers", java.util.List.of(tiers)).setParameter("days", days)
                .getSingleResult()).longValue());
    }

    private long count(String sql, UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql)
                .setParameter("id", id).getSingleResult()).longValue());
    }
}
