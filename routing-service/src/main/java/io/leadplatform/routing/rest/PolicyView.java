package io.leadplatform.routing.rest;

import java.util.List;
import java.util.UUID;

/** An ownership policy with its rules in evaluation order; a null criterion matches any lead. */
public record PolicyView(UUID id, String version, boolean active, String description, List<Rule> rules) {

    public record Rule(int position, String name, boolean defaultRule, String direction, Boolean consentMarketing,
            UUID targetQueueId, String targetQueue, String targetOwningOrg) {
    }
}
