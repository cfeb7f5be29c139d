package io.leadplatform.sla.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class SlaClockRepository implements PanacheRepositoryBase<SlaClock, UUID> {

    public List<SlaClock> forLead(UUID leadId) {
        return list("leadId = ?1 order by startedAt, id", leadId);
    }

    /** The clock row locked against the timer, so a touch and a breach of one clock never both win. */
    public Optional<SlaClock> lockByAssignment(UUID assignmentId, ClockType type) {
        return find("assignmentId = ?1 and clockType = ?2", assignmentId, type)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /** The lead's running or paused clocks of the given types, locked. */
    public List<SlaClock> lockOpen(UUID leadId, ClockType... types) {
        return find("leadId = ?1 and clockType in ?2 and status in ?3 order by startedAt", leadId, List.of(types),
                List.of(ClockStatus.RUNNING, ClockStatus.PAUSED)).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** The open clocks of one assignment, locked. */
    public List<SlaClock> lockOpenOfAssignment(UUID assignmentId) {
        return find("assignmentId = ?1 and status in ?2 order by startedAt", assignmentId,
                List.of(ClockStatus.RUNNING, ClockStatus.PAUSED)).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    public Optional<SlaClock> lockById(UUID id) {
        return find("id", id).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    public Optional<SlaClock> lockSystemDelay(UUID leadId) {
        return find("leadId = ?1 and clockType = ?2", leadId, ClockType.SYSTEM_DELAY)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    public boolean hasStartedAfter(UUID leadId, ClockType type, Instant startedAt) {
        return count("leadId = ?1 and clockType = ?2 and startedAt > ?3", leadId, type, startedAt) > 0;
    }

    /** Serialises the consumers' work on one lead across replicas until the transaction ends. */
    public void lockLead(UUID leadId) {
        getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .setParameter("key", "sla-lead:" + leadId)
                .getSingleResult();
    }

    /** Running clocks past due, oldest first; rows another replica holds are skipped, not waited for. */
    @SuppressWarnings("unchecked")
    public List<SlaClock> lockDue(Instant now, int limit) {
        return getEntityManager()
                .createNativeQuery("SELECT * FROM sla_clock WHERE status = 'RUNNING' AND due_at <= :now "
                        + "ORDER BY due_at LIMIT :limit FOR UPDATE SKIP LOCKED", SlaClock.class)
                .setParameter("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .setParameter("limit", limit)
                .getResultList();
    }

    /** Running clocks past their warning point that have not been warned yet. */
    @SuppressWarnings("unchecked")
    public List<SlaClock> lockWarnable(Instant now, int limit) {
        return getEntityManager()
                .createNativeQuery("SELECT * FROM sla_clock WHERE status = 'RUNNING' AND warned_at IS NULL "
                        + "AND warn_at <= :now ORDER BY warn_at LIMIT :limit FOR UPDATE SKIP LOCKED", SlaClock.class)
                .setParameter("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .setParameter("limit", limit)
                .getResultList();
    }

    public long deleteForLead(UUID leadId) {
        return delete("leadId", leadId);
    }
}
