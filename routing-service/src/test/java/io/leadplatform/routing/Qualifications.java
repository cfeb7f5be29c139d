package io.leadplatform.routing;

import io.leadplatform.events.EventTypes;
import io.leadplatform.events.GoldenFixtures;

import java.util.UUID;

/** Object mother for lead.qualified messages, built from the golden fixture (an inbound, consenting MQL). */
final class Qualifications {

    private Qualifications() {
    }

    static byte[] inboundMql(UUID lead) {
        return GoldenFixtures.instance(EventTypes.LEAD_QUALIFIED, lead);
    }

    static byte[] outboundMql(UUID lead) {
        return GoldenFixtures.instance(EventTypes.LEAD_QUALIFIED, lead, "direction", "outbound", "channel", "outbound");
    }

    static byte[] inboundWithoutMarketingConsent(UUID lead) {
        return GoldenFixtures.instance(EventTypes.LEAD_QUALIFIED, lead, "consentMarketing", false);
    }

    /** An SQL for a lead whose facts would route it elsewhere, were it routed again. */
    static byte[] outboundSql(UUID lead) {
        return GoldenFixtures.instance(EventTypes.LEAD_QUALIFIED, lead, "stage", "SQL", "direction", "outbound",
                "channel", "outbound");
    }
}
