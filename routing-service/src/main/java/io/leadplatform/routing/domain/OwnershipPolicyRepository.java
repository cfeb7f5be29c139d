package io.leadplatform.routing.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class OwnershipPolicyRepository implements PanacheRepositoryBase<OwnershipPolicy, UUID> {

    /** The activated policy with the latest effective time that is not in the future. */
    public Optional<OwnershipPolicy> findEffective(Instant at) {
        return find("active = true and effectiveFrom <= ?1 order by effectiveFrom desc, createdAt desc", at)
                .firstResultOptional();
    }

    public Optional<OwnershipPolicy> findByVersion(String version) {
        return find("version", version).firstResultOptional();
    }

    public List<OwnershipPolicy> listWithRules() {
        return find("select distinct p from OwnershipPolicy p left join fetch p.rules r left join fetch r.targetQueue "
                + "order by p.createdAt, p.version").list();
    }
}
