package io.leadplatform.scoring.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
public class KnownLeadRepository implements PanacheRepositoryBase<KnownLead, UUID> {
}
