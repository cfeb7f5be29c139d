package io.leadplatform.routing.domain;

import io.leadplatform.events.LeadQualified;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** The last qualification of a lead: what routed it, and what a draft policy is replayed over. */
@Entity
@Table(name = "qualified_fact")
public class QualifiedFact {

    @Id
    @Column(name = "lead_id")
    public UUID leadId;
    public String stage;
    @Column(name = "model_version")
    public String modelVersion;
    @Column(name = "fit_grade")
    public String fitGrade;
    @Column(name = "fit_score")
    public int fitScore;
    @Column(name = "engagement_score")
    public int engagementScore;
    public String direction;
    public String channel;
    public String country;
    public String region;
    public String industry;
    public Integer employees;
    public String domain;
    @Column(name = "consent_marketing")
    public Boolean consentMarketing;
    @Column(name = "qualified_at")
    public Instant qualifiedAt;
    @Column(name = "received_at")
    public Instant receivedAt;
    /** Null when unknown or from a producer that predates it. */
    @Column(name = "account_tier")
    public String accountTier;

    public void apply(LeadQualified q, Instant at) {
        leadId = q.leadId();
        stage = q.stage();
        modelVersion = q.modelVersion();
        fitGrade = q.fitGrade();
        fitScore = q.fitScore();
        engagementScore = q.engagementScore();
        direction = q.direction();
        channel = q.channel();
        country = q.country();
        region = q.region();
        industry = q.industry();
        employees = q.employees();
        domain = q.domain();
        consentMarketing = q.consentMarketing();
        qualifiedAt = q.qualifiedAt();
        receivedAt = at;
        accountTier = q.accountTier();
    }

    /** The engagement band comes from the configured thresholds. */
    public RoutingFacts facts(int mediumFrom, int highFrom) {
        String band = engagementScore >= highFrom ? "HIGH" : engagementScore >= mediumFrom ? "MEDIUM" : "LOW";
        return new RoutingFacts(direction, channel, consentMarketing, stage, fitGrade, band, country, region,
                industry, employees, domain, fitScore + engagementScore, accountTier);
    }
}
