package io.leadplatform.routing.messaging;

import io.leadplatform.events.LeadErased;
import io.leadplatform.events.LeadQualified;
import io.leadplatform.events.SlaBreached;
import io.leadplatform.events.SlaStarted;
import io.leadplatform.routing.service.RoutingService;
import io.leadplatform.support.inbox.EventHandlers;
import io.leadplatform.support.inbox.InboundEvents;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.concurrent.CompletionStage;

import static io.leadplatform.events.EventTypes.*;

@ApplicationScoped
public class RoutingEventsConsumer {

    private final InboundEvents inbound;
    private final EventHandlers handlers;

    public RoutingEventsConsumer(InboundEvents inbound, RoutingService routing) {
        this.inbound = inbound;
        this.handlers = EventHandlers.forConsumer("routing-service.routing")
                .on(LEAD_QUALIFIED, LeadQualified.class, routing::qualified)
                .on(SLA_STARTED, SlaStarted.class, routing::slaStarted)
                .on(SLA_BREACHED, SlaBreached.class, routing::slaBreached)
                .on(LEAD_ERASED, LeadErased.class, routing::erased);
    }

    @Incoming("events-in")
    // Events of different leads apply in parallel; handlers lock the lead, and order was never guaranteed.
    @Blocking(ordered = false)
    public CompletionStage<Void> consume(Message<?> message) {
        return inbound.handle(message, handlers);
    }
}
