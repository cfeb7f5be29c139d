package io.leadplatform.routing.domain;

/** What an ownership rule may match on, from the lead's last qualification. */
public record RoutingFacts(String direction, String channel, Boolean consentMarketing, String stage,
        String fitGrade, String engagementBand, String country, String region, String industry, Integer employees,
        String domain, Integer score, String accountTier) {

    /** The spine's three facts; the rest unknown. */
    public RoutingFacts(String direction, String channel, Boolean consentMarketing) {
        this(direction, channel, consentMarketing, null, null, null, null, null, null, null, null, null, null);
    }

    public RoutingFacts withStage(String newStage) {
        return new RoutingFacts(direction, channel, consentMarketing, newStage, fitGrade, engagementBand, country,
                region, industry, employees, domain, score, accountTier);
    }

    /** Only an explicit refusal counts; a lead whose consent is unknown is not excluded. */
    public boolean refusedMarketing() {
        return Boolean.FALSE.equals(consentMarketing);
    }
}
