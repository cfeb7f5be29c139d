package io.leadplatform.lead.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The funnel over leads captured in [from, to), one group per channel, campaign, source or owning org. */
public record FunnelReport(String groupBy, Instant from, Instant to, List<Group> groups) {

    public record Group(String group, long leads, Map<String, Long> stages, long reachedMql, long reachedSql,
            long reachedOpportunity, Double leadToMql, Double mqlToSql, Double sqlToOpportunity,
            Double qualificationRate, Map<String, Long> rejectionReasons, BigDecimal cost, BigDecimal costPerLead,
            BigDecimal costPerMql, BigDecimal costPerSql) {
    }
}
