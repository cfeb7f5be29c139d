package io.leadplatform.support.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.Query;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.util.List;

/**
 * PostgreSQL advisory locks held until the transaction ends, keyed by a string.
 * <p>
 * A lock is taken with plain JDBC on the transaction's connection. So it does not flush the persistence context
 * first, as Hibernate does before every native query: the lock reads no table, and in a batch of events (decision
 * 0006) that flush dirty-checked every entity the earlier events had loaded, once per event. Nor does it pay for a
 * native query's parameter parsing and result mapping, which were 90 % of the lock's cost (sla-service takes one per
 * event: 10 % of its CPU at 30 leads/s, measured by deploy/bench.sh).
 */
public final class AdvisoryLocks {

    private AdvisoryLocks() {
    }

    /** Waits for the exclusive lock on {@code key}. */
    public static void lock(EntityManager em, String key) {
        select(em, "SELECT pg_advisory_xact_lock(hashtextextended(?, 0))", key);
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
        select(em, "SELECT count(" + function + "(hashtextextended(k, 0))) FROM unnest(?) AS t(k)", keys);
    }

    /** Runs a one-parameter SELECT on the transaction's connection (a list binds as a text array). */
    private static void select(EntityManager em, String sql, Object parameter) {
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                if (parameter instanceof List<?> list) {
                    statement.setArray(1, connection.createArrayOf("text", list.toArray()));
                } else {
                    statement.setObject(1, parameter);
                }
                statement.executeQuery().close();
            }
        });
    }
}
