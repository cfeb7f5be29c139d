package io.leadplatform.scoring.messaging;

import io.leadplatform.events.LeadCaptured;
import io.leadplatform.events.LeadEngaged;
import io.leadplatform.events.LeadErased;
import io.leadplatform.events.LeadUpdated;
import io.leadplatform.scoring.service.ScoringEventHandler;
import io.leadplatform.support.inbox.EventHandlers;
import io.leadplatform.support.inbox.SubjectOrderedEvents;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.Set;
import java.util.concurrent.CompletionStage;

import static io.leadplatform.events.EventTypes.*;

@ApplicationScoped
public class ScoringEventsConsumer {

    private final SubjectOrderedEvents lanes;
    private final EventHandlers handlers;

    public ScoringEventsConsumer(SubjectOrderedEvents lanes, ScoringEventHandler handler) {
        this.lanes = lanes;
        this.handlers = EventHandlers.forConsumer("scoring-service.scoring")
                .on(LEAD_CAPTURED, LeadCaptured.class, handler::captured)
                .on(LEAD_UPDATED, LeadUpdated.class, handler::updated)
                .on(LEAD_ENGAGED, LeadEngaged.class, handler::engaged)
                .on(LEAD_ERASED, LeadErased.class, handler::erased);
    }

    @Incoming("events-in")
    // Events of one lead in delivery order, different leads in parallel lanes (docs/decisions/0004); a lane that
    // fell behind applies what waits in one transaction.
    public CompletionStage<Void> consume(Message<?> message) {
        return lanes.dispatch(message, handlers);
    }

    /** The event types this consumer applies; its queue's routing keys must be exactly these. */
    public Set<String> handledTypes() {
        return handlers.types();
    }
}
