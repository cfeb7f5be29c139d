package io.leadplatform.scoring.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
public class LeadScoreRepository implements PanacheRepositoryBase<LeadScore, UUID> {
}
