package io.leadplatform.lead.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
public class ImportJobRepository implements PanacheRepositoryBase<ImportJob, UUID> {
}
