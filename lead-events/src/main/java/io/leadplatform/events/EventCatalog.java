package io.leadplatform.events;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.leadplatform.events.EventTypes.*;

/** Which data record each event type carries. */
public final class EventCatalog {

    private static final Map<String, Class<?>> DATA_TYPES = Map.ofEntries(
            Map.entry(LEAD_CAPTURED, LeadCaptured.class),
            Map.entry(LEAD_ENGAGED, LeadEngaged.class),
            Map.entry(LEAD_UPDATED, LeadUpdated.class),
            Map.entry(LEAD_ERASED, LeadErased.class),
            Map.entry(LEAD_STAGE_CHANGED, LeadStageChanged.class),
            Map.entry(LEAD_SCORED, LeadScored.class),
            Map.entry(LEAD_QUALIFIED, LeadQualified.class),
            Map.entry(LEAD_ASSIGNED, LeadAssigned.class),
            Map.entry(LEAD_ACCEPTED, LeadAccepted.class),
            Map.entry(LEAD_TOUCHED, LeadTouched.class),
            Map.entry(LEAD_REJECTED, LeadRejected.class),
            Map.entry(LEAD_HANDED_OFF, LeadHandedOff.class),
            Map.entry(LEAD_REASSIGNED, LeadReassigned.class),
            Map.entry(SLA_STARTED, SlaStarted.class),
            Map.entry(SLA_WARNING, SlaWarning.class),
            Map.entry(SLA_BREACHED, SlaBreached.class),
            Map.entry(SLA_MET, SlaMet.class),
            Map.entry(SLA_UPDATED, SlaUpdated.class));

    private EventCatalog() {
    }

    public static Optional<Class<?>> dataType(String type) {
        return Optional.ofNullable(DATA_TYPES.get(type));
    }

    public static Set<String> types() {
        return DATA_TYPES.keySet();
    }
}
