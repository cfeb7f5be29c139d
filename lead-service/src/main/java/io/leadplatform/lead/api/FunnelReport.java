package io.leadplatform.lead.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The funnel over leads captured in [from, to), one group per channel, campaign, source or owning org. */
public record FunnelReport(String groupBy, Instant from, Instant to, String costBasis, List<Group> groups) {

    /** How the costs are counted; a period runs from its first day's start to its last day's end, UTC. */
    public static final String COST_BASIS = "each campaign cost prorated to the share of its period inside [from, to)";

    public record Group(String group, long leads, Map<String, Long> stages, long reachedMql, long reachedSql,
            long reachedOpportunity, Double leadToMql, Double mqlToSql, Double sqlToOpportunity,
            Double qualificationRate, Map<String, Long> rejectionReasons, BigDecimal cost, BigDecimal costPerLead,
            BigDecimal costPerMql, BigDecimal costPerSql) {
    }
}
