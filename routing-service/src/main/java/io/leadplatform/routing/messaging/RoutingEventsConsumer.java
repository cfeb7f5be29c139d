package io.leadplatform.routing.messaging;

import io.leadplatform.events.LeadErased;
import io.leadplatform.events.LeadQualified;
import io.leadplatform.events.SlaBreached;
import io.leadplatform.events.SlaStarted;
import io.leadplatform.routing.service.RoutingEventHandler;
import io.leadplatform.support.inbox.EventHandlers;
import io.leadplatform.support.inbox.SubjectOrderedEvents;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.Set;
import java.util.concurrent.CompletionStage;

import static io.leadplatform.events.EventTypes.*;

@ApplicationScoped
public class RoutingEventsConsumer {

    private final SubjectOrderedEvents lanes;
    private final EventHandlers handlers;

    public RoutingEventsConsumer(SubjectOrderedEvents lanes, RoutingEventHandler handler) {
        this.lanes = lanes;
        this.handlers = EventHandlers.forConsumer("routing-service.routing")
                .on(LEAD_QUALIFIED, LeadQualified.class, handler::qualified)
                .on(SLA_STARTED, SlaStarted.class, handler::slaStarted)
                .on(SLA_BREACHED, SlaBreached.class, handler::slaBreached)
                .on(LEAD_ERASED, LeadErased.class, handler::erased)
                .beforeCommit(handler::placePending);
    }

    @Incoming("events-in")
    // Events of one lead in delivery order, different leads in parallel lanes (docs/decisions/0004). A lane that
    // fell behind applies what waits in one transaction; its qualified leads are placed at its end, so the queues'
    // lock is taken once per batch and held only from the placements to the commit.
    public CompletionStage<Void> consume(Message<?> message) {
        return lanes.dispatch(message, handlers);
    }

    /** The event types this consumer applies; its queue's routing keys must be exactly these. */
    public Set<String> handledTypes() {
        return handlers.types();
    }
}
