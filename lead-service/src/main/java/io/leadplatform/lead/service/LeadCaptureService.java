package io.leadplatform.lead.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadplatform.events.EventTypes;
import io.leadplatform.events.LeadUpdated;
import io.leadplatform.lead.api.CaptureLead;
import io.leadplatform.lead.api.CaptureResult;
import io.leadplatform.lead.api.RecordEngagement;
import io.leadplatform.lead.domain.AccountRepository;
import io.leadplatform.lead.domain.CapturedFacts;
import io.leadplatform.lead.domain.EngagementEvent;
import io.leadplatform.lead.domain.EngagementEventRepository;
import io.leadplatform.lead.domain.IdempotencyKey;
import io.leadplatform.lead.domain.IdempotencyKeyRepository;
import io.leadplatform.lead.domain.Lead;
import io.leadplatform.lead.domain.LeadIdentity;
import io.leadplatform.lead.domain.LeadRepository;
import io.leadplatform.lead.domain.TimelineRepository;
import io.leadplatform.support.outbox.Outbox;
import io.leadplatform.support.problem.Problem;
import io.leadplatform.support.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.FlushModeType;
import jakarta.transaction.Transactional;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import static io.leadplatform.lead.domain.LeadIdentity.trim;
import static io.leadplatform.lead.domain.TimelineEntry.details;

/**
 * Takes leads and engagement in: from the API one at a time, from imports a batch at a time. A lead with an email
 * dedupes on the normalised email; a phone-only lead dedupes on its E.164 phone against other phone-only leads (a
 * shared switchboard number must not merge people who gave their own emails). The lead and its event commit in one
 * transaction with the outbox row.
 */
@ApplicationScoped
public class LeadCaptureService {

    private final LeadRepository leads;
    private final EngagementEventRepository engagements;
    private final IdempotencyKeyRepository idempotencyKeys;
    private final TimelineRepository timeline;
    private final AccountRepository accounts;
    private final Outbox outbox;
    private final ObjectMapper json;
    private final Clock clock;

    public LeadCaptureService(LeadRepository leads, EngagementEventRepository engagements,
            IdempotencyKeyRepository idempotencyKeys, TimelineRepository timeline, AccountRepository accounts,
            Outbox outbox, ObjectMapper json, Clock clock) {
        this.leads = leads;
        this.engagements = engagements;
        this.idempotencyKeys = idempotencyKeys;
        this.timeline = timeline;
        this.accounts = accounts;
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Stores a new lead or merges into the one with the same identity. An idempotency key is the caller's: the same
     * request again with it gets the first result back, another request with it is refused (422).
     */
    @Transactional
    public CaptureResult capture(CaptureLead request, String caller, String idempotencyKey) {
        String requestHash = idempotencyKey == null ? null : fingerprint(request);
        if (idempotencyKey != null) {
            // A retry that arrives while the first is in flight waits here for its result.
            leads.lockKey("idempotency:" + caller + ":" + idempotencyKey);
            IdempotencyKey previous = idempotencyKeys.findById(new IdempotencyKey.Scoped(caller, idempotencyKey));
            if (previous != null) {
                if (!previous.answers(requestHash)) {
                    throw new ProblemException(Problem.of(422, "Idempotency-Key reused",
                            "Idempotency-Key: was already used with another request; send a new key"));
                }
                return new CaptureResult(previous.leadId, previous.status == 200, previous.status);
            }
        }
        Instant now = clock.instant();
        CapturedFacts facts = facts(request, now, "api");
        leads.lockKey(facts.dedupeKey());
        Optional<Lead> existing = facts.email() != null ? leads.findByEmail(facts.email())
                : leads.findPhoneOnly(facts.phone());
        Map<String, String> tiers = accountTiers(Stream.concat(Stream.of(facts.accountDomain()),
                existing.stream().map(l -> l.accountDomain)));
        CaptureResult result = existing.map(lead -> merge(lead, facts, now, tiers))
                .orElseGet(() -> create(facts, now, tiers));
        leads.rememberExternalId(facts.externalId(), result.leadId());
        if (idempotencyKey != null) {
            IdempotencyKey key = new IdempotencyKey();
            key.client = caller;
            key.key = idempotencyKey;
            key.requestHash = requestHash;
            key.leadId = result.leadId();
            key.status = result.status();
            key.createdAt = now;
            idempotencyKeys.persist(key);
        }
        return result;
    }

    /**
     * Captures validated rows of an import in the caller's transaction, as {@link #capture} does but with one lock
     * statement and one lookup for the whole batch and a single flush at the end.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<CaptureResult> captureBatch(List<CaptureLead> requests, Instant now, String consentSource) {
        leads.getEntityManager().setFlushMode(FlushModeType.COMMIT);
        List<CapturedFacts> batch = requests.stream().map(r -> facts(r, now, consentSource)).toList();
        List<String> keys = batch.stream().map(CapturedFacts::dedupeKey).distinct().sorted().toList();
        if (keys.isEmpty()) {
            return List.of();
        }
        leads.lockKeys(keys);
        Map<String, Lead> known = new HashMap<>();
        List<String> emails = batch.stream().map(CapturedFacts::email).filter(Objects::nonNull).distinct().toList();
        List<String> phones = batch.stream().filter(f -> f.email() == null).map(CapturedFacts::phone).distinct()
                .toList();
        if (!emails.isEmpty()) {
            leads.list("email in ?1", emails).forEach(l -> known.put(LeadIdentity.dedupeKey(l.email, null), l));
        }
        if (!phones.isEmpty()) {
            leads.list("email is null and phone in ?1", phones)
                    .forEach(l -> known.put(LeadIdentity.dedupeKey(null, l.phone), l));
        }
        Map<String, String> tiers = accountTiers(Stream.concat(batch.stream().map(CapturedFacts::accountDomain),
                known.values().stream().map(l -> l.accountDomain)));
        List<CaptureResult> results = new ArrayList<>(batch.size());
        for (CapturedFacts facts : batch) {
            Lead existing = known.get(facts.dedupeKey());
            CaptureResult result = existing != null ? merge(existing, facts, now, tiers) : create(facts, now, tiers);
            if (existing == null) {
                known.put(facts.dedupeKey(), leads.findById(result.leadId()));
            }
            results.add(result);
        }
        leads.flush();
        for (int i = 0; i < batch.size(); i++) {
            leads.rememberExternalId(batch.get(i).externalId(), results.get(i).leadId());
        }
        return results;
    }

    @Transactional
    public UUID recordEngagement(UUID leadId, RecordEngagement request) {
        Lead lead = leads.findLive(leadId).orElseThrow(() -> ProblemException.notFound("lead " + leadId));
        Instant now = clock.instant();
        EngagementEvent.Recorded recorded = EngagementEvent.record(lead.id, request.type(), request.value(),
                instantOrNow(request.occurredAt(), now), now);
        engagements.persist(recorded.event());
        outbox.append(EventTypes.LEAD_ENGAGED, lead.id, recorded.engaged());
        return recorded.event().id;
    }

    /** An engagement event for the lead with that email or external id, for trackers that lack our id. */
    @Transactional
    public UUID recordEngagementFor(String email, String externalId, RecordEngagement request) {
        Lead lead = null;
        if (email != null) {
            lead = leads.findByEmail(LeadIdentity.normalizeEmail(email)).filter(l -> l.erasedAt == null).orElse(null);
        } else if (externalId != null) {
            UUID id = leads.idsByExternalId(List.of(externalId.strip())).get(externalId.strip());
            lead = id == null ? null : leads.findLive(id).orElse(null);
        }
        if (lead == null) {
            throw ProblemException.notFound(email != null ? "a lead with that email" : "a lead with that external id");
        }
        return recordEngagement(lead.id, request);
    }

    /** The normalised facts of a capture; {@code consentSource} applies when the request names none. */
    private static CapturedFacts facts(CaptureLead r, Instant now, String consentSource) {
        String email = LeadIdentity.normalizeEmail(r.email());
        return new CapturedFacts(trim(r.externalId()), email, LeadIdentity.normalizePhone(r.phone()),
                trim(r.firstName()), trim(r.lastName()), r.company(), LeadIdentity.tidyCompany(r.company()),
                r.domain(), trim(r.jobTitle()), trim(r.industry()), r.employees(), r.annualBudgetUsd(),
                trim(r.country()), trim(r.region()), r.technologies(), r.interests(), r.direction(), r.channel(),
                trim(r.source()), trim(r.campaign()), trim(r.utmSource()), trim(r.utmMedium()),
                trim(r.utmCampaign()), r.consentMarketing(), r.consentContact(),
                r.consentSource() != null ? trim(r.consentSource()) : consentSource, trim(r.consentTextVersion()),
                instantOrNow(r.capturedAt(), now));
    }

    /**
     * Takes the shared locks of every account the captured leads may belong to (the request's, and for a merge the
     * lead's own) before any lead row is written, and returns the tiers set for them: a tier change then either sees
     * these leads in its fan-out or is seen by them.
     */
    private Map<String, String> accountTiers(Stream<String> accountDomains) {
        List<String> domains = accountDomains.filter(Objects::nonNull).distinct().toList();
        accounts.lockShared(domains);
        return accounts.tiers(domains);
    }

    private CaptureResult create(CapturedFacts facts, Instant now, Map<String, String> tiers) {
        Lead.Captured captured = Lead.capture(facts, tiers.get(facts.accountDomain()), now);
        Lead lead = captured.lead();
        leads.persist(lead);
        timeline.record(lead.id, lead.capturedAt, "captured", details("channel", lead.channel, "source", lead.source,
                "campaign", lead.campaign));
        outbox.append(EventTypes.LEAD_CAPTURED, lead.id, captured.event());
        return new CaptureResult(lead.id, false, 201);
    }

    private CaptureResult merge(Lead lead, CapturedFacts facts, Instant now, Map<String, String> tiers) {
        Optional<LeadUpdated> updated = lead.merge(facts, tiers.get(lead.accountDomain), now);
        updated.ifPresent(event -> outbox.append(EventTypes.LEAD_UPDATED, lead.id, event));
        boolean factsAdded = updated.isPresent();
        Instant touchedAt = facts.capturedAt();
        // Recorded once per capture time, so a re-import of the same rows adds no entries.
        if ((factsAdded || !touchedAt.equals(lead.capturedAt))
                && timeline.count("leadId = ?1 and kind = 'merged' and occurredAt = ?2", lead.id, touchedAt) == 0) {
            timeline.record(lead.id, touchedAt, "merged", details("channel", facts.channel(), "source",
                    facts.source(), "campaign", facts.campaign(), "factsAdded", factsAdded));
        }
        return new CaptureResult(lead.id, true, 200);
    }

    /** SHA-256 of the request as the service read it, hex: what makes a retry the same request. */
    private String fingerprint(CaptureLead request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.writeValueAsBytes(request));
            return HexFormat.of().formatHex(digest);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint the request", e);
        }
    }

    private static Instant instantOrNow(OffsetDateTime t, Instant now) {
        return t == null ? now : t.toInstant();
    }
}
