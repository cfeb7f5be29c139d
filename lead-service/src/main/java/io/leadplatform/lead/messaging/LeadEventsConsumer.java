package io.leadplatform.lead.messaging;

import io.leadplatform.events.LeadAccepted;
import io.leadplatform.events.LeadAssigned;
import io.leadplatform.events.LeadHandedOff;
import io.leadplatform.events.LeadRejected;
import io.leadplatform.events.LeadTouched;
import io.leadplatform.events.LeadQualified;
import io.leadplatform.events.LeadScored;
import io.leadplatform.events.SlaBreached;
import io.leadplatform.events.SlaMet;
import io.leadplatform.events.SlaStarted;
import io.leadplatform.events.SlaUpdated;
import io.leadplatform.lead.service.LeadEventHandler;
import io.leadplatform.support.inbox.EventHandlers;
import io.leadplatform.support.inbox.SubjectOrderedEvents;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.Set;
import java.util.concurrent.CompletionStage;

import static io.leadplatform.events.EventTypes.*;

@ApplicationScoped
public class LeadEventsConsumer {

    private final SubjectOrderedEvents lanes;
    private final EventHandlers handlers;

    public LeadEventsConsumer(SubjectOrderedEvents lanes, LeadEventHandler handler) {
        this.lanes = lanes;
        this.handlers = EventHandlers.forConsumer("lead-service.read-model")
                .on(LEAD_SCORED, LeadScored.class, handler::scored)
                .on(LEAD_QUALIFIED, LeadQualified.class, handler::qualified)
                .on(LEAD_ASSIGNED, LeadAssigned.class, handler::assigned)
                .on(LEAD_ACCEPTED, LeadAccepted.class, handler::accepted)
                .on(LEAD_REJECTED, LeadRejected.class, handler::rejected)
                .on(LEAD_HANDED_OFF, LeadHandedOff.class, handler::handedOff)
                .on(LEAD_TOUCHED, LeadTouched.class, handler::touched)
                .on(SLA_STARTED, SlaStarted.class, handler::slaStarted)
                .on(SLA_MET, SlaMet.class, handler::slaMet)
                .on(SLA_BREACHED, SlaBreached.class, handler::slaBreached)
                .on(SLA_UPDATED, SlaUpdated.class, handler::slaUpdated);
    }

    @Incoming("events-in")
    // Each lead's events in delivery order: the lifecycle drops an event older than the lead's last stage change, so
    // a qualification applied after the rejection that followed it would be lost from the funnel. Different leads'
    // events apply in parallel lanes (docs/decisions/0004).
    public CompletionStage<Void> consume(Message<?> message) {
        return lanes.dispatch(message, handlers);
    }

    /** The event types this consumer applies: its queue's bindings must be exactly these. */
    public Set<String> handledTypes() {
        return handlers.types();
    }
}
