package io.leadplatform.support.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.Query;

import java.util.List;

/**
 * PostgreSQL advisory locks held until the transaction ends, keyed by a string.
 * <p>
 * Taking one does not flush the persistence context first, as Hibernate otherwise does before every native query:
 * the lock reads no table, and in a batch of events (decision 0006) that flush dirty-checked every entity the
 * earlier events had loaded, once per event, and cost a JDBC round trip per pending row.
 */
public final class AdvisoryLocks {

    private AdvisoryLocks() {
    }

    /** Waits for the exclusive lock on {@code key}. */
    public static void lock(EntityManager em, String key) {
        withoutFlush(em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))"))
                .setParameter("key", key)
                .getSingleResult();
    }

    /** Waits for the exclusive locks on {@code keys}, in their order: callers sort them so lockers cannot deadlock. */
    public static void lockAll(EntityManager em, List<String> keys) {
        lockAll(em, keys, "pg_advisory_xact_lock");
    }

    /** As {@link #lockAll}, but shared: they exclude only an exclusive lock on the same key. */
    public static void lockAllShared(EntityManager em, List<String> keys) {
        lockAll(em, keys, "pg_advisory_xact_lock_shared");
    }

    /** A native query that does not flush pending entity changes before it runs. */
    public static Query withoutFlush(Query query) {
        return query.setFlushMode(FlushModeType.COMMIT);
    }

    private static void lockAll(EntityManager em, List<String> keys, String function) {
        if (keys.isEmpty()) {
            return;
        }
        withoutFlush(em.createNativeQuery("SELECT count(" + function + "(hashtextextended(k, 0))) "
                        + "FROM unnest(CAST(ARRAY[:keys] AS text[])) AS t(k)"))
                .setParameter("keys", keys)
                .getSingleResult();
    }
}
