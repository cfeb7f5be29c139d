package io.leadplatform.scoring.messaging;

import io.leadplatform.events.LeadCaptured;
import io.leadplatform.events.LeadEngaged;
import io.leadplatform.events.LeadErased;
import io.leadplatform.events.LeadUpdated;
import io.leadplatform.scoring.service.ScoringService;
import io.leadplatform.support.inbox.EventHandlers;
import io.leadplatform.support.inbox.InboundEvents;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.concurrent.CompletionStage;

import static io.leadplatform.events.EventTypes.*;

@ApplicationScoped
public class ScoringEventsConsumer {

    private final InboundEvents inbound;
    private final EventHandlers handlers;

    public ScoringEventsConsumer(InboundEvents inbound, ScoringService scoring) {
        this.inbound = inbound;
        this.handlers = EventHandlers.forConsumer("scoring-service.scoring")
                .on(LEAD_CAPTURED, LeadCaptured.class, scoring::captured)
                .on(LEAD_UPDATED, LeadUpdated.class, scoring::updated)
                .on(LEAD_ENGAGED, LeadEngaged.class, scoring::engaged)
                .on(LEAD_ERASED, LeadErased.class, scoring::erased);
    }

    @Incoming("events-in")
    // Events of different leads apply in parallel; handlers lock the lead, and order was never guaranteed.
    @Blocking(ordered = false)
    public CompletionStage<Void> consume(Message<?> message) {
        return inbound.handle(message, handlers);
    }
}
