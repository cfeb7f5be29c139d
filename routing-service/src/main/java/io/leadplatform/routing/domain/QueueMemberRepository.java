package io.leadplatform.routing.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class QueueMemberRepository implements PanacheRepositoryBase<QueueMember, UUID> {

    public List<QueueMember> byUsername(String username) {
        return list("username", username);
    }

    public List<QueueMember> activeInOrg(OwningOrg org) {
        return list("active = true and queue.owningOrg = ?1", org);
    }
}
