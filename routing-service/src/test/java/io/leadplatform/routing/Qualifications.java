package io.leadplatform.routing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadplatform.events.EventTypes;
import io.leadplatform.events.GoldenFixtures;

import java.nio.charset.StandardCharsets;
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

    /** As a producer from before {@code accountTier} sends it: the field is absent, not null. */
    static byte[] inboundMqlWithoutAccountTier(UUID lead) {
        ObjectNode doc = (ObjectNode) GoldenFixtures.parse(
                new String(GoldenFixtures.instance(EventTypes.LEAD_QUALIFIED, lead), StandardCharsets.UTF_8));
        ((ObjectNode) doc.get("data")).remove("accountTier");
        return doc.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** An SQL for a lead whose facts would route it elsewhere, were it routed again. */
    static byte[] outboundSql(UUID lead) {
        return GoldenFixtures.instance(EventTypes.LEAD_QUALIFIED, lead, "stage", "SQL", "direction", "outbound",
                "channel", "outbound");
    }
}
