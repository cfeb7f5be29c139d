package io.leadplatform.sla.messaging;

import io.leadplatform.events.LeadAccepted;
import io.leadplatform.events.LeadAssigned;
import io.leadplatform.events.LeadCaptured;
import io.leadplatform.events.LeadEngaged;
import io.leadplatform.events.LeadErased;
import io.leadplatform.events.LeadHandedOff;
import io.leadplatform.events.LeadQualified;
import io.leadplatform.events.LeadReassigned;
import io.leadplatform.events.LeadRejected;
import io.leadplatform.events.LeadTouched;
import io.leadplatform.sla.service.SlaEventHandler;
import io.leadplatform.support.inbox.EventHandlers;
import io.leadplatform.support.inbox.SubjectOrderedEvents;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.Set;
import java.util.concurrent.CompletionStage;

import static io.leadplatform.events.EventTypes.*;

@ApplicationScoped
public class SlaEventsConsumer {

    private final SubjectOrderedEvents lanes;
    private final EventHandlers handlers;

    public SlaEventsConsumer(SubjectOrderedEvents lanes, SlaEventHandler handler) {
        this.lanes = lanes;
        this.handlers = EventHandlers.forConsumer("sla-service.clocks")
                .on(LEAD_CAPTURED, LeadCaptured.class, handler::captured)
                .on(LEAD_QUALIFIED, LeadQualified.class, handler::qualified)
                .on(LEAD_HANDED_OFF, LeadHandedOff.class, handler::handedOff)
                .on(LEAD_ASSIGNED, LeadAssigned.class, handler::assigned)
                .on(LEAD_TOUCHED, LeadTouched.class, handler::touched)
                .on(LEAD_ACCEPTED, LeadAccepted.class, handler::accepted)
                .on(LEAD_REASSIGNED, LeadReassigned.class, handler::reassigned)
                .on(LEAD_REJECTED, LeadRejected.class, handler::rejected)
                .on(LEAD_ENGAGED, LeadEngaged.class, handler::engaged)
                .on(LEAD_ERASED, LeadErased.class, handler::erased);
    }

    @Incoming("events-in")
    // Each lead's events in delivery order (a lead's capture must be seen before its assignment to measure the
    // system delay); different leads' events apply in parallel lanes (docs/decisions/0004).
    public CompletionStage<Void> consume(Message<?> message) {
        return lanes.dispatch(message, handlers);
    }

    /** The event types this consumer applies; its queue's routing keys must be exactly these. */
    public Set<String> handledTypes() {
        return handlers.types();
    }
}
