package io.leadplatform.routing.domain;

import io.leadplatform.events.LeadQualified;

/** What an ownership rule may match on; grows as rules learn new criteria. */
public record RoutingFacts(String direction, String channel, Boolean consentMarketing) {

    public static RoutingFacts of(LeadQualified qualified) {
        return new RoutingFacts(qualified.direction(), qualified.channel(), qualified.consentMarketing());
    }

    /** Only an explicit refusal counts; a lead whose consent is unknown is not excluded. */
    public boolean refusedMarketing() {
        return Boolean.FALSE.equals(consentMarketing);
    }
}
