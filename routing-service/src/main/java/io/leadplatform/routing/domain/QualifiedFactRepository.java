package io.leadplatform.routing.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class QualifiedFactRepository implements PanacheRepositoryBase<QualifiedFact, UUID> {

    public List<QualifiedFact> receivedSince(Instant since) {
        return list("receivedAt >= ?1 order by receivedAt, leadId", since);
    }
}
