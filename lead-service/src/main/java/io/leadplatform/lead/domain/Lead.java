package io.leadplatform.lead.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.descriptor.java.Immutability;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A lead as captured, plus the read model (stage, score, assignment) that the other services' events feed. */
@Entity
@Table(name = "lead")
// Events update a few columns of a wide row (scores, stage, assignment): write those, not all 54 and both JSON lists.
@DynamicUpdate
public class Lead {

    @Id
    public UUID id;
    @Column(name = "external_id")
    public String externalId;
    /** Null for a phone-only lead. */
    public String email;
    /** E.164; never logged. */
    public String phone;
    @Column(name = "first_name")
    public String firstName;
    @Column(name = "last_name")
    public String lastName;
    public String company;
    public String domain;
    @Column(name = "job_title")
    public String jobTitle;
    public String industry;
    public Integer employees;
    @Column(name = "annual_budget_usd")
    public Long annualBudgetUsd;
    public String country;
    public String region;
    // Immutable to Hibernate: a change assigns a new list. A mutable JSON value was deep-copied through Jackson on
    // every load, and every lifecycle event loads the lead.
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    @Mutability(Immutability.class)
    public List<String> technologies = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    @Mutability(Immutability.class)
    public List<String> interests = new ArrayList<>();
    public String direction;
    public String channel;
    public String source;
    public String campaign;
    @Column(name = "utm_source")
    public String utmSource;
    @Column(name = "utm_medium")
    public String utmMedium;
    @Column(name = "utm_campaign")
    public String utmCampaign;
    @Column(name = "consent_marketing")
    public Boolean consentMarketing;
    @Column(name = "consent_contact")
    public Boolean consentContact;
    @Column(name = "captured_at")
    public Instant capturedAt;
    @Column(name = "created_at")
    public Instant createdAt;
    /** Grows with every change to the captured facts; events carry it so consumers can drop stale ones. */
    public long version;

    public String stage = Stage.LEAD.name();
    @Column(name = "fit_score")
    public Integer fitScore;
    @Column(name = "fit_grade")
    public String fitGrade;
    @Column(name = "engagement_score")
    public Integer engagementScore;
    @Column(name = "model_version")
    public String modelVersion;
    @Column(name = "scored_at")
    public Instant scoredAt;
    @Column(name = "assignment_id")
    public UUID assignmentId;
    @Column(name = "assigned_queue")
    public String assignedQueue;
    @Column(name = "owning_org")
    public String owningOrg;
    public String assignee;
    @Column(name = "assigned_at")
    public Instant assignedAt;

    @Column(name = "company_original")
    public String companyOriginal;
    @Column(name = "latest_channel")
    public String latestChannel;
    @Column(name = "latest_source")
    public String latestSource;
    @Column(name = "latest_campaign")
    public String latestCampaign;
    @Column(name = "latest_captured_at")
    public Instant latestCapturedAt;
    @Column(name = "consent_recorded_at")
    public Instant consentRecordedAt;
    @Column(name = "consent_source")
    public String consentSource;
    @Column(name = "consent_text_version")
    public String consentTextVersion;
    @Column(name = "stage_changed_at")
    public Instant stageChangedAt;
    @Column(name = "mql_at")
    public Instant mqlAt;
    @Column(name = "sql_at")
    public Instant sqlAt;
    @Column(name = "opportunity_at")
    public Instant opportunityAt;
    @Column(name = "rejection_reason")
    public String rejectionReason;
    @Column(name = "erased_at")
    public Instant erasedAt;
    @Column(name = "account_domain")
    public String accountDomain;

    /** LEAD is the funnel's NEW. REJECTED, RECYCLED and DISQUALIFIED sit beside the forward path. */
    public enum Stage {
        LEAD(0), MQL(1), ACCEPTED(2), SQL(3), OPPORTUNITY(4), REJECTED(-1), RECYCLED(-1), DISQUALIFIED(-1);

        private final int rank;

        Stage(int rank) {
            this.rank = rank;
        }

        /** Forward-path stages only move forward; a late MQL event must not undo an SQL. */
        public boolean isAfter(Stage other) {
            return rank > other.rank;
        }

        public boolean onForwardPath() {
            return rank >= 0;
        }
    }
}
