package io.leadplatform.sla.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class SlaCalendarRepository implements PanacheRepositoryBase<SlaCalendar, String> {
}
