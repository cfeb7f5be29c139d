package io.leadplatform.events;

/** Exchange name and routing keys. The routing key of every message is its event type. */
public final class EventTypes {

    public static final String EXCHANGE = "lead-platform.events";

    public static final String LEAD_CAPTURED = "lead.captured";
    public static final String LEAD_ENGAGED = "lead.engaged";
    public static final String LEAD_UPDATED = "lead.updated";
    public static final String LEAD_ERASED = "lead.erased";
    public static final String LEAD_STAGE_CHANGED = "lead.stage-changed";
    public static final String LEAD_SCORED = "lead.scored";
    public static final String LEAD_QUALIFIED = "lead.qualified";
    public static final String LEAD_ASSIGNED = "lead.assigned";
    public static final String LEAD_ACCEPTED = "lead.accepted";
    public static final String LEAD_TOUCHED = "lead.touched";
    public static final String LEAD_REJECTED = "lead.rejected";
    public static final String LEAD_HANDED_OFF = "lead.handed-off";
    public static final String LEAD_REASSIGNED = "lead.reassigned";
    public static final String SLA_STARTED = "sla.started";
    public static final String SLA_WARNING = "sla.warning";
    public static final String SLA_BREACHED = "sla.breached";
    public static final String SLA_MET = "sla.met";
    public static final String SLA_UPDATED = "sla.updated";

    private EventTypes() {
    }
}
