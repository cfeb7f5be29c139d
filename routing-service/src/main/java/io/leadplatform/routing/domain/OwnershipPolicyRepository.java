package io.leadplatform.routing.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class OwnershipPolicyRepository implements PanacheRepositoryBase<OwnershipPolicy, UUID> {

    public Optional<OwnershipPolicy> findActive() {
        return find("active", true).firstResultOptional();
    }

    public List<OwnershipPolicy> listWithRules() {
        return find("select distinct p from OwnershipPolicy p left join fetch p.rules r left join fetch r.targetQueue "
                + "order by p.createdAt, p.version").list();
    }
}
