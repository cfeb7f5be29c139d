package io.leadplatform.sla.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class SlaPolicyRepository implements PanacheRepositoryBase<SlaPolicy, Integer> {

    public List<SlaPolicy> newestFirst() {
        return list("order by version desc");
    }

    public Optional<SlaPolicy> active() {
        return find("active", true).firstResultOptional();
    }

    public Optional<SlaPolicy> lockVersion(int version) {
        return find("version", version).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /** Serialises policy creation and activation until the transaction ends. */
    public void lockTable() {
        getEntityManager().createNativeQuery("LOCK TABLE sla_policy IN SHARE ROW EXCLUSIVE MODE").executeUpdate();
    }

    /** The next version number; the table lock makes concurrent creations wait rather than collide. */
    public int nextVersion() {
        lockTable();
        Number max = (Number) getEntityManager().createNativeQuery("SELECT coalesce(max(version), 0) FROM sla_policy")
                .getSingleResult();
        return max.intValue() + 1;
    }
}
