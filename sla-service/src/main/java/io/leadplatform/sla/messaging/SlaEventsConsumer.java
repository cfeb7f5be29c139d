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
import io.leadplatform.sla.service.SlaClockService;
import io.leadplatform.support.inbox.EventHandlers;
import io.leadplatform.support.inbox.SubjectOrderedEvents;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.concurrent.CompletionStage;

import static io.leadplatform.events.EventTypes.*;

@ApplicationScoped
public class SlaEventsConsumer {

    private final SubjectOrderedEvents lanes;
    private final EventHandlers handlers;

    public SlaEventsConsumer(SubjectOrderedEvents lanes, SlaClockService clocks) {
        this.lanes = lanes;
        this.handlers = EventHandlers.forConsumer("sla-service.clocks")
                .on(LEAD_CAPTURED, LeadCaptured.class, clocks::captured)
                .on(LEAD_QUALIFIED, LeadQualified.class, clocks::qualified)
                .on(LEAD_HANDED_OFF, LeadHandedOff.class, clocks::handedOff)
                .on(LEAD_ASSIGNED, LeadAssigned.class, clocks::assigned)
                .on(LEAD_TOUCHED, LeadTouched.class, clocks::touched)
                .on(LEAD_ACCEPTED, LeadAccepted.class, clocks::accepted)
                .on(LEAD_REASSIGNED, LeadReassigned.class, clocks::reassigned)
                .on(LEAD_REJECTED, LeadRejected.class, clocks::rejected)
                .on(LEAD_ENGAGED, LeadEngaged.class, clocks::engaged)
                .on(LEAD_ERASED, LeadErased.class, clocks::erased);
    }

    @Incoming("events-in")
    // Each lead's events in delivery order (a lead's capture must be seen before its assignment to measure the
    // system delay); different leads' events apply in parallel lanes (docs/decisions/0004).
    public CompletionStage<Void> consume(Message<?> message) {
        return lanes.dispatch(message, handlers);
    }
}
