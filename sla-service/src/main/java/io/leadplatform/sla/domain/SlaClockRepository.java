package io.leadplatform.sla.domain;

import io.leadplatform.support.persistence.AdvisoryLocks;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import org.hibernate.FlushMode;
import org.hibernate.Session;
import org.hibernate.jpa.HibernateHints;

import java.sql.PreparedStatement;
import java.sql.ResultSet;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class SlaClockRepository implements PanacheRepositoryBase<SlaClock, UUID> {

    private static final String RETURNING =
            "RETURNING c.id, c.lead_id, c.clock_type, c.owning_org, c.queue_name, c.assignee, c.due_at";

    @Inject
    LockedLeadClocks locked;

    public List<SlaClock> forLead(UUID leadId) {
        return list("leadId = ?1 order by startedAt, id", leadId);
    }

    /**
     * All the lead's clocks, locked against the timer (so a touch and a breach of one clock never both win), oldest
     * first. One statement with one parameter, so Hibernate keeps its translation; the questions an event asks of
     * them are answered in memory ({@link LeadClocks}).
     * <p>
     * The first call for a lead in a transaction reads them; later calls get the same list, which {@link #start}
     * keeps up to date ({@link LockedLeadClocks}). So the read need not flush what the transaction wrote before it:
     * the lead's own pending clocks are in the list, another lead's writes cannot change which rows it finds, and
     * nobody else adds a clock to the lead while its advisory lock ({@link #lockLead}) is held.
     */
    public LeadClocks lockAllOfLead(UUID leadId) {
        return locked.computeIfAbsent(leadId, id -> new LeadClocks(new ArrayList<>(
                find("leadId = ?1 order by startedAt, id", id).withLock(LockModeType.PESSIMISTIC_WRITE)
                        .withHint(HibernateHints.HINT_FLUSH_MODE, FlushMode.COMMIT).list())));
    }

    /** Persists a started clock and adds it to its lead's locked clocks. */
    public void start(SlaClock clock) {
        lockAllOfLead(clock.leadId).add(clock);
        persist(clock);
    }

    /** Whether the lead has a paused clock: an unlocked look, so most engagements cost one index probe. */
    public boolean hasPaused(UUID leadId) {
        return count("leadId = ?1 and status = ?2", leadId, ClockStatus.PAUSED) > 0;
    }

    public List<SlaClock> lockPaused(UUID leadId) {
        return find("leadId = ?1 and status = ?2 order by startedAt", leadId, ClockStatus.PAUSED)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    public Optional<SlaClock> lockById(UUID id) {
        return find("id", id).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /** Serialises the consumers' work on one lead across replicas until the transaction ends. */
    public void lockLead(UUID leadId) {
        AdvisoryLocks.lock(getEntityManager(), "sla-lead:" + leadId);
    }

    /** What the timer needs of a clock it breached or warned, to build the event. */
    public record Due(UUID id, UUID leadId, ClockType clockType, String owningOrg, String queueName,
            String assignee, Instant dueAt) {
    }

    /**
     * Breaches up to {@code limit} running clocks past due, oldest first, in one statement: rows another replica
     * holds are skipped, not waited for, and each row is re-checked under its lock, so none is breached twice
     * and none early.
     */
    public List<Due> breachDue(Instant now, int limit) {
        return timerUpdate("WITH d AS MATERIALIZED (SELECT id FROM sla_clock WHERE status = 'RUNNING' AND due_at <= ? "
                + "ORDER BY due_at LIMIT ? FOR UPDATE SKIP LOCKED) UPDATE sla_clock c SET status = 'BREACHED', "
                + "breached_at = ? FROM d WHERE c.id = d.id AND c.status = 'RUNNING' AND c.due_at <= ? " + RETURNING,
                at(now), limit, at(now), at(now));
    }

    /**
     * Marks up to {@code limit} running clocks past their warning point as warned, in one statement; a clock
     * already due is left to the breach.
     */
    public List<Due> warnDue(Instant now, int limit) {
        return timerUpdate("WITH d AS MATERIALIZED (SELECT id FROM sla_clock WHERE status = 'RUNNING' "
                + "AND warned_at IS NULL AND warn_at <= ? AND due_at > ? ORDER BY warn_at LIMIT ? "
                + "FOR UPDATE SKIP LOCKED) UPDATE sla_clock c SET warned_at = ? FROM d WHERE c.id = d.id "
                + "AND c.status = 'RUNNING' AND c.warned_at IS NULL AND c.warn_at <= ? AND c.due_at > ? " + RETURNING,
                at(now), at(now), limit, at(now), at(now), at(now));
    }

    private static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private List<Due> timerUpdate(String sql, Object... params) {
        return getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement st = connection.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    st.setObject(i + 1, params[i]);
                }
                List<Due> due = new ArrayList<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        due.add(new Due(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                                ClockType.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getString(6),
                                rs.getObject(7, OffsetDateTime.class).toInstant()));
                    }
                }
                return due;
            }
        });
    }

    public long deleteForLead(UUID leadId) {
        locked.forget(leadId);
        return delete("leadId", leadId);
    }
}
