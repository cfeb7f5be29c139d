package io.leadplatform.routing.api;

import java.time.Instant;
import java.util.Map;

/** A draft policy replayed over recent qualified leads, next to the policy that routes now. */
public record SimulationView(int days, Instant since, int leads, Distribution draft, Distribution active) {

    /** Leads per org, per queue and per rep (round robin over each queue's active members, from zero). */
    public record Distribution(String version, Map<String, Long> byOrg, Map<String, Long> byQueue,
            Map<String, Long> byRep, Map<String, Long> byRule, long unroutable) {
    }
}
