package io.leadplatform.lead.domain;

import io.leadplatform.support.persistence.AdvisoryLocks;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class LeadRepository implements PanacheRepositoryBase<Lead, UUID> {

    public Optional<Lead> findByEmail(String normalizedEmail) {
        return find("email", normalizedEmail).firstResultOptional();
    }

    /** The phone-only lead with that E.164 number (erasure clears the phone, so it is live). */
    public Optional<Lead> findPhoneOnly(String phone) {
        return find("email is null and phone = ?1 order by capturedAt, id", phone).firstResultOptional();
    }

    /** A lead that has not been erased. */
    public Optional<Lead> findLive(UUID id) {
        return findByIdOptional(id).filter(l -> l.erasedAt == null);
    }

    /** The live lead, row-locked: consumers apply events concurrently, and each must see the other's changes. */
    public Optional<Lead> findLiveForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE).filter(l -> l.erasedAt == null);
    }

    /** Remembers an external id the lead arrived with; the first lead to claim an id keeps it. */
    public void rememberExternalId(String externalId, UUID leadId) {
        if (externalId != null) {
            getEntityManager().createNativeQuery("INSERT INTO lead_external_id (external_id, lead_id) VALUES (:e, :l) "
                            + "ON CONFLICT (external_id) DO NOTHING")
                    .setParameter("e", externalId).setParameter("l", leadId).executeUpdate();
        }
    }

    /** Lead ids by external id, for those of the given ids that are known. */
    public Map<String, UUID> idsByExternalId(Collection<String> externalIds) {
        Map<String, UUID> out = new HashMap<>();
        if (externalIds.isEmpty()) {
            return out;
        }
        List<?> rows = getEntityManager().createNativeQuery(
                        "SELECT external_id, lead_id FROM lead_external_id WHERE external_id IN (:ids)")
                .setParameter("ids", externalIds).getResultList();
        for (Object row : rows) {
            Object[] cols = (Object[]) row;
            out.put((String) cols[0], (UUID) cols[1]);
        }
        return out;
    }

    /** {@link #lockKey} for many keys at once, in the given order (callers sort them so lockers cannot deadlock). */
    public void lockKeys(List<String> keys) {
        AdvisoryLocks.lockAll(getEntityManager(), keys);
    }

    /** Serialises concurrent captures of one email (or one idempotency key) until the transaction ends. */
    public void lockKey(String key) {
        AdvisoryLocks.lock(getEntityManager(), key);
    }
}
