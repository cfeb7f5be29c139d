package io.leadplatform.sla.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
public class LeadMilestoneRepository implements PanacheRepositoryBase<LeadMilestone, UUID> {
}
