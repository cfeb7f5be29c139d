package io.leadplatform.lead.domain;

import io.leadplatform.support.persistence.AdvisoryLocks;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

@ApplicationScoped
public class AccountRepository implements PanacheRepositoryBase<Account, String> {

    /**
     * Captures hold this lock shared while they read an account's tier and write its leads, and a tier change holds
     * it exclusively, so a lead captured meanwhile is either seen by the change's fan-out or reads the new tier.
     */
    public static String lockKey(String domain) {
        return "account:" + domain;
    }

    /** Takes the shared account locks of the given domains (nulls ignored), in sorted order. */
    public void lockShared(Collection<String> domains) {
        List<String> keys = domains.stream().filter(Objects::nonNull).distinct().sorted()
                .map(AccountRepository::lockKey).toList();
        AdvisoryLocks.lockAllShared(getEntityManager(), keys);
    }

    public void lockExclusive(String domain) {
        AdvisoryLocks.lock(getEntityManager(), lockKey(domain));
    }

    /** The tiers set for those of the given domains that have one. */
    public Map<String, String> tiers(Collection<String> domains) {
        Map<String, String> out = new HashMap<>();
        List<String> wanted = domains.stream().filter(Objects::nonNull).distinct().toList();
        if (wanted.isEmpty()) {
            return out;
        }
        List<?> rows = getEntityManager().createNativeQuery("SELECT domain, tier FROM account WHERE domain IN (:d)")
                .setParameter("d", wanted).getResultList();
        for (Object row : rows) {
            Object[] cols = (Object[]) row;
            out.put((String) cols[0], (String) cols[1]);
        }
        return out;
    }
}
