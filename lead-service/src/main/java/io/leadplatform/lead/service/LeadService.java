package io.leadplatform.lead.service;

import io.leadplatform.events.EventTypes;
import io.leadplatform.events.LeadCaptured;
import io.leadplatform.events.LeadEngaged;
import io.leadplatform.events.LeadUpdated;
import io.leadplatform.lead.domain.EngagementEvent;
import io.leadplatform.lead.domain.EngagementEventRepository;
import io.leadplatform.lead.domain.IdempotencyKey;
import io.leadplatform.lead.domain.IdempotencyKeyRepository;
import io.leadplatform.lead.domain.Lead;
import io.leadplatform.lead.domain.LeadRepository;
import io.leadplatform.lead.domain.LeadSlaClockRepository;
import io.leadplatform.lead.rest.CaptureLeadRequest;
import io.leadplatform.lead.rest.EngagementRequest;
import io.leadplatform.lead.rest.LeadView;
import io.leadplatform.support.outbox.Outbox;
import io.leadplatform.support.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;

@ApplicationScoped
public class LeadService {

    public record CaptureResult(UUID leadId, boolean merged, int status) {
    }

    private final LeadRepository leads;
    private final EngagementEventRepository engagements;
    private final LeadSlaClockRepository clocks;
    private final IdempotencyKeyRepository idempotencyKeys;
    private final Outbox outbox;
    private final Clock clock;

    public LeadService(LeadRepository leads, EngagementEventRepository engagements, LeadSlaClockRepository clocks,
            IdempotencyKeyRepository idempotencyKeys, Outbox outbox, Clock clock) {
        this.leads = leads;
        this.engagements = engagements;
        this.clocks = clocks;
        this.idempotencyKeys = idempotencyKeys;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Stores a new lead, or merges the request into the lead with the same normalised email, and appends the
     * matching event to the outbox in the same transaction.
     */
    @Transactional
    public CaptureResult capture(CaptureLeadRequest request, String idempotencyKey) {
        if (idempotencyKey != null) {
            leads.lockKey("idempotency:" + idempotencyKey);
            IdempotencyKey previous = idempotencyKeys.findById(idempotencyKey);
            if (previous != null) {
                return new CaptureResult(previous.leadId, previous.status == 200, previous.status);
            }
        }
        String email = normalizeEmail(request.email());
        leads.lockKey("email:" + email);
        Instant now = clock.instant();
        CaptureResult result = leads.findByEmail(email)
                .map(existing -> merge(existing, request, now))
                .orElseGet(() -> create(email, request, now));
        if (idempotencyKey != null) {
            IdempotencyKey key = new IdempotencyKey();
            key.key = idempotencyKey;
            key.leadId = result.leadId();
            key.status = result.status();
            key.createdAt = now;
            idempotencyKeys.persist(key);
        }
        return result;
    }

    private CaptureResult create(String email, CaptureLeadRequest r, Instant now) {
        Lead lead = new Lead();
        lead.id = UUID.randomUUID();
        lead.email = email;
        lead.externalId = trim(r.externalId());
        lead.firstName = trim(r.firstName());
        lead.lastName = trim(r.lastName());
        lead.company = trim(r.company());
        lead.domain = r.domain() != null ? r.domain().trim().toLowerCase(Locale.ROOT) : email.substring(email.indexOf('@') + 1);
        lead.jobTitle = trim(r.jobTitle());
        lead.industry = trim(r.industry());
        lead.employees = r.employees();
        lead.annualBudgetUsd = r.annualBudgetUsd();
        lead.country = trim(r.country());
        lead.region = trim(r.region());
        lead.technologies = r.technologies() == null ? new ArrayList<>() : new ArrayList<>(r.technologies());
        lead.interests = r.interests() == null ? new ArrayList<>() : new ArrayList<>(r.interests());
        lead.direction = r.direction() == null ? "inbound" : r.direction();
        lead.channel = r.channel() != null ? r.channel() : "outbound".equals(lead.direction) ? "outbound" : null;
        lead.source = trim(r.source());
        lead.campaign = trim(r.campaign());
        lead.utmSource = trim(r.utmSource());
        lead.utmMedium = trim(r.utmMedium());
        lead.utmCampaign = trim(r.utmCampaign());
        lead.consentMarketing = r.consentMarketing();
        lead.consentContact = r.consentContact();
        lead.capturedAt = instantOrNow(r.capturedAt(), now);
        lead.createdAt = now;
        lead.version = 1;
        leads.persist(lead);
        outbox.append(EventTypes.LEAD_CAPTURED, lead.id,
                new LeadCaptured(lead.id, lead.version, LeadMapper.profile(lead), lead.capturedAt));
        return new CaptureResult(lead.id, false, 201);
    }

    /** Adds the facts the lead lacked; the first capture's channel and time stay. */
    private CaptureResult merge(Lead lead, CaptureLeadRequest r, Instant now) {
        boolean changed = fill(lead.firstName, trim(r.firstName()), v -> lead.firstName = v)
                | fill(lead.lastName, trim(r.lastName()), v -> lead.lastName = v)
                | fill(lead.externalId, trim(r.externalId()), v -> lead.externalId = v)
                | fill(lead.company, trim(r.company()), v -> lead.company = v)
                | fill(lead.jobTitle, trim(r.jobTitle()), v -> lead.jobTitle = v)
                | fill(lead.industry, trim(r.industry()), v -> lead.industry = v)
                | fill(lead.employees, r.employees(), v -> lead.employees = v)
                | fill(lead.annualBudgetUsd, r.annualBudgetUsd(), v -> lead.annualBudgetUsd = v)
                | fill(lead.country, trim(r.country()), v -> lead.country = v)
                | fill(lead.region, trim(r.region()), v -> lead.region = v)
                | fill(lead.consentMarketing, r.consentMarketing(), v -> lead.consentMarketing = v)
                | fill(lead.consentContact, r.consentContact(), v -> lead.consentContact = v)
                | addAll(lead.technologies, r.technologies())
                | addAll(lead.interests, r.interests());
        if (changed) {
            lead.version++;
            outbox.append(EventTypes.LEAD_UPDATED, lead.id,
                    new LeadUpdated(lead.id, lead.version, LeadMapper.profile(lead), now));
        }
        return new CaptureResult(lead.id, true, 200);
    }

    @Transactional
    public LeadView view(UUID id, String restrictedTo) {
        Lead lead = leads.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("lead " + id));
        if (restrictedTo != null && !restrictedTo.equals(lead.assignee)) {
            // An XDR sees only the leads assigned to them; others are reported as absent, not forbidden.
            throw ProblemException.notFound("lead " + id);
        }
        return LeadMapper.view(lead, clocks.forLead(id));
    }

    @Transactional
    public UUID recordEngagement(UUID leadId, EngagementRequest request) {
        Lead lead = leads.findByIdOptional(leadId).orElseThrow(() -> ProblemException.notFound("lead " + leadId));
        Instant now = clock.instant();
        EngagementEvent event = new EngagementEvent();
        event.id = UUID.randomUUID();
        event.leadId = lead.id;
        event.type = request.type();
        event.value = request.value();
        event.occurredAt = instantOrNow(request.occurredAt(), now);
        event.receivedAt = now;
        engagements.persist(event);
        outbox.append(EventTypes.LEAD_ENGAGED, lead.id,
                new LeadEngaged(lead.id, event.id, event.type, event.value, event.occurredAt));
        return event.id;
    }

    static String normalizeEmail(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    private static String trim(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    private static <T> boolean fill(T current, T incoming, Consumer<T> setter) {
        if (current == null && incoming != null) {
            setter.accept(incoming);
            return true;
        }
        return false;
    }

    private static boolean addAll(List<String> current, List<String> incoming) {
        if (incoming == null) {
            return false;
        }
        boolean changed = false;
        for (String item : incoming) {
            if (!current.contains(item)) {
                current.add(Objects.requireNonNull(item));
                changed = true;
            }
        }
        return changed;
    }

    private static Instant instantOrNow(OffsetDateTime t, Instant now) {
        return t == null ? now : t.toInstant();
    }
}
