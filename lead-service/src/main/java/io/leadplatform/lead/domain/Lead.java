package io.leadplatform.lead.domain;

import io.leadplatform.events.AccountTiers;
import io.leadplatform.events.LeadCaptured;
import io.leadplatform.events.LeadErased;
import io.leadplatform.events.LeadProfile;
import io.leadplatform.events.LeadStageChanged;
import io.leadplatform.events.LeadUpdated;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
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
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A lead as captured, plus the read model (stage, score, assignment) that the other services' events feed. Its
 * methods return the events they cause; the caller stores them in the outbox in the same transaction.
 */
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

    @Enumerated(EnumType.STRING)
    public Stage stage = Stage.LEAD;
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

    public record Captured(Lead lead, LeadCaptured event) {
    }

    /** A new lead from its first capture; {@code accountTier} is the tier set for its account, or null. */
    public static Captured capture(CapturedFacts f, String accountTier, Instant now) {
        Lead lead = new Lead();
        lead.id = UUID.randomUUID();
        lead.email = f.email();
        lead.phone = f.phone();
        lead.externalId = f.externalId();
        lead.firstName = f.firstName();
        lead.lastName = f.lastName();
        lead.companyOriginal = f.companyAsSent();
        lead.company = f.company();
        lead.domain = f.companyDomain();
        lead.accountDomain = f.accountDomain();
        lead.jobTitle = f.jobTitle();
        lead.industry = f.industry();
        lead.employees = f.employees();
        lead.annualBudgetUsd = f.annualBudgetUsd();
        lead.country = f.country();
        lead.region = f.region();
        lead.technologies = f.technologies() == null ? new ArrayList<>() : new ArrayList<>(f.technologies());
        lead.interests = f.interests() == null ? new ArrayList<>() : new ArrayList<>(f.interests());
        lead.direction = f.direction() == null ? "inbound" : f.direction();
        lead.channel = f.channel() != null ? f.channel() : "outbound".equals(lead.direction) ? "outbound" : null;
        lead.source = f.source();
        lead.campaign = f.campaign();
        lead.utmSource = f.utmSource();
        lead.utmMedium = f.utmMedium();
        lead.utmCampaign = f.utmCampaign();
        lead.consentMarketing = f.consentMarketing();
        lead.consentContact = f.consentContact();
        lead.capturedAt = f.capturedAt();
        if (f.mentionsConsent()) {
            lead.consentRecordedAt = lead.capturedAt;
            lead.consentSource = f.consentSource();
            lead.consentTextVersion = f.consentTextVersion();
        }
        lead.latestChannel = lead.channel;
        lead.latestSource = lead.source;
        lead.latestCampaign = lead.campaign;
        lead.latestCapturedAt = lead.capturedAt;
        lead.createdAt = now;
        lead.stageChangedAt = lead.capturedAt;
        lead.version = 1;
        return new Captured(lead, new LeadCaptured(lead.id, lead.version, lead.profile(accountTier), lead.capturedAt));
    }

    /**
     * A later capture of the same person: adds the facts the lead lacked, while the first capture's channel and time
     * stay and a later capture becomes the latest touch. A withdrawn consent always wins over an earlier grant.
     * Returns the lead.updated when facts were added.
     */
    public Optional<LeadUpdated> merge(CapturedFacts f, String accountTier, Instant now) {
        boolean changed = fill(firstName, f.firstName(), v -> firstName = v)
                | fill(lastName, f.lastName(), v -> lastName = v)
                | fill(externalId, f.externalId(), v -> externalId = v)
                | fill(phone, f.phone(), v -> phone = v)
                | fill(company, f.company(), v -> {
                    company = v;
                    companyOriginal = f.companyAsSent();
                })
                | fill(accountDomain, f.domain() == null ? null : LeadIdentity.accountDomain(f.domain()),
                    v -> accountDomain = v)
                | fill(jobTitle, f.jobTitle(), v -> jobTitle = v)
                | fill(industry, f.industry(), v -> industry = v)
                | fill(employees, f.employees(), v -> employees = v)
                | fill(annualBudgetUsd, f.annualBudgetUsd(), v -> annualBudgetUsd = v)
                | fill(country, f.country(), v -> country = v)
                | fill(region, f.region(), v -> region = v)
                | consent(consentMarketing, f.consentMarketing(), v -> consentMarketing = v)
                | consent(consentContact, f.consentContact(), v -> consentContact = v)
                | addAll(technologies, f.technologies(), v -> technologies = v)
                | addAll(interests, f.interests(), v -> interests = v);
        Instant touchedAt = f.capturedAt();
        if (latestCapturedAt == null || touchedAt.isAfter(latestCapturedAt)) {
            latestCapturedAt = touchedAt;
            latestChannel = f.channel() != null ? f.channel() : latestChannel;
            latestSource = f.source() != null ? f.source() : latestSource;
            latestCampaign = f.campaign() != null ? f.campaign() : latestCampaign;
        }
        if (!changed) {
            return Optional.empty();
        }
        if (f.mentionsConsent()) {
            consentRecordedAt = touchedAt;
            consentTextVersion = f.consentTextVersion();
        }
        version++;
        return Optional.of(new LeadUpdated(id, version, profile(accountTier), now));
    }

    /** The account's set tier changed: scoring's copy of the profile must carry the new effective tier. */
    public LeadUpdated retier(String accountTier, Instant now) {
        version++;
        return new LeadUpdated(id, version, profile(accountTier), now);
    }

    /**
     * Moves the lead to another stage unless that would move it backwards by mistake: on the forward path only a
     * later stage applies; leaving REJECTED/RECYCLED/DISQUALIFIED, or entering them, needs an event newer than the
     * last change. Returns the lead.stage-changed when the stage changed.
     */
    public Optional<LeadStageChanged> moveTo(Stage to, Instant at, String reason) {
        Stage from = stage;
        boolean newer = stageChangedAt == null || at == null || !at.isBefore(stageChangedAt);
        boolean applies = from.onForwardPath() && to.onForwardPath() ? to.isAfter(from) : newer && from != to;
        if (!applies) {
            return Optional.empty();
        }
        Instant when = at == null ? stageChangedAt : at;
        stage = to;
        stageChangedAt = when;
        if (reason != null) {
            rejectionReason = reason;
        }
        switch (to) {
            case MQL, ACCEPTED -> mqlAt = mqlAt == null ? when : mqlAt;
            case SQL -> sqlAt = sqlAt == null ? when : sqlAt;
            case OPPORTUNITY -> opportunityAt = opportunityAt == null ? when : opportunityAt;
            default -> { }
        }
        if (to == Stage.SQL || to == Stage.OPPORTUNITY) {
            mqlAt = mqlAt == null ? when : mqlAt;
        }
        if (to == Stage.OPPORTUNITY) {
            sqlAt = sqlAt == null ? when : sqlAt;
        }
        return Optional.of(new LeadStageChanged(id, from.name(), to.name(), when));
    }

    /**
     * The assignment ended without a successor (the XDR rejected the lead): it sits in no queue and with nobody. The
     * owning org stays, for the funnel's attribution, and so does the time, so a late copy of the assignment is stale.
     */
    public void endAssignment(UUID endedAssignmentId) {
        if (endedAssignmentId != null && endedAssignmentId.equals(assignmentId)) {
            assignmentId = null;
            assignedQueue = null;
            assignee = null;
        }
    }

    /**
     * Forgets the person: only anonymous facts (channel, campaign, stage, dates) stay, so the funnel counts survive.
     * The caller deletes what other tables hold about the lead.
     */
    public LeadErased erase(Instant now) {
        email = "erased+" + id + "@erased.invalid";
        phone = null;
        externalId = null;
        firstName = null;
        lastName = null;
        company = null;
        companyOriginal = null;
        domain = null;
        accountDomain = null;
        jobTitle = null;
        utmSource = null;
        utmMedium = null;
        utmCampaign = null;
        technologies = new ArrayList<>();
        interests = new ArrayList<>();
        assignee = null;
        consentMarketing = null;
        consentContact = null;
        consentSource = null;
        consentTextVersion = null;
        consentRecordedAt = null;
        erasedAt = now;
        version++;
        return new LeadErased(id, now);
    }

    /** The profile events carry; {@code accountTier} is the tier set for the lead's account, or null. */
    public LeadProfile profile(String accountTier) {
        return new LeadProfile(externalId, email, firstName, lastName, company, domain, jobTitle, industry, employees,
                annualBudgetUsd, country, region, List.copyOf(technologies), List.copyOf(interests), direction,
                channel, source, campaign, consentMarketing, consentContact, effectiveTier(accountTier, employees));
    }

    /** The tier set for the account, else the one the head count implies; null when neither is known. */
    public static String effectiveTier(String setTier, Integer employees) {
        return setTier != null ? setTier : AccountTiers.byEmployees(employees);
    }

    private static <T> boolean fill(T current, T incoming, Consumer<T> setter) {
        if (current == null && incoming != null) {
            setter.accept(incoming);
            return true;
        }
        return false;
    }

    private static boolean consent(Boolean current, Boolean incoming, Consumer<Boolean> setter) {
        if (incoming == null || incoming.equals(current)) {
            return false;
        }
        if (current == null || !incoming) {
            setter.accept(incoming);
            return true;
        }
        return false;
    }

    /** Sets the list with the items it lacked added, as a new list: Hibernate treats these lists as values. */
    private static boolean addAll(List<String> current, List<String> incoming, Consumer<List<String>> set) {
        if (incoming == null) {
            return false;
        }
        List<String> merged = new ArrayList<>(current);
        for (String item : incoming) {
            if (!merged.contains(item)) {
                merged.add(Objects.requireNonNull(item));
            }
        }
        if (merged.size() == current.size()) {
            return false;
        }
        set.accept(merged);
        return true;
    }

    /** Where leads come from; a capture, a cost and a search name one of these. */
    public static final List<String> CHANNELS = List.of("paid", "owned", "earned", "outbound");

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
