package io.leadplatform.support.outbox;

import io.leadplatform.events.CloudEvent;
import io.leadplatform.events.EventJson;
import io.leadplatform.support.config.OutboxConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.UUID;

/** Appends events to the outbox inside the caller's transaction; the relay publishes them after commit. */
@ApplicationScoped
public class Outbox {

    private final OutboxRepository repository;
    private final OutboxConfig config;
    private final Clock clock;
    private final Event<OutboxAppended> appended;

    public Outbox(OutboxRepository repository, OutboxConfig config, Clock clock, Event<OutboxAppended> appended) {
        this.repository = repository;
        this.config = config;
        this.clock = clock;
        this.appended = appended;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public <T> CloudEvent<T> append(String type, UUID subject, T data) {
        CloudEvent<T> event = CloudEvent.of(config.source(), type, subject, clock.instant(), data);
        OutboxMessage row = new OutboxMessage();
        row.id = event.id();
        row.type = type;
        row.subject = event.subject();
        row.payload = EventJson.write(event);
        row.createdAt = event.time();
        repository.persist(row);
        appended.fire(new OutboxAppended(row.id, type, row.payload));
        return event;
    }
}
