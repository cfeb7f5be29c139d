package io.leadplatform.lead.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class TimelineRepository implements PanacheRepositoryBase<TimelineEntry, UUID> {

    private final Clock clock;

    public TimelineRepository(Clock clock) {
        this.clock = clock;
    }

    /** Records an entry at the time it happened, or now when the event did not say. */
    public void record(UUID leadId, Instant at, String kind, Map<String, Object> detail) {
        persist(TimelineEntry.of(leadId, at != null ? at : clock.instant(), kind, detail));
    }
}
