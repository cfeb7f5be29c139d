package io.leadplatform.lead.service;

import io.leadplatform.events.EventTypes;
import io.leadplatform.events.LeadCaptured;
import io.leadplatform.events.LeadEngaged;
import io.leadplatform.events.LeadErased;
import io.leadplatform.events.LeadUpdated;
import io.leadplatform.lead.domain.AccountRepository;
import io.leadplatform.lead.domain.EngagementEvent;
import io.leadplatform.lead.domain.EngagementEventRepository;
import io.leadplatform.lead.domain.IdempotencyKey;
import io.leadplatform.lead.domain.IdempotencyKeyRepository;
import io.leadplatform.lead.domain.Lead;
import io.leadplatform.lead.domain.LeadRepository;
import io.leadplatform.lead.domain.LeadSlaClockRepository;
import io.leadplatform.lead.domain.TimelineRepository;
import io.leadplatform.lead.rest.CaptureLeadRequest;
import io.leadplatform.lead.rest.EngagementRequest;
import io.leadplatform.lead.rest.LeadView;
import io.leadplatform.support.outbox.Outbox;
import io.leadplatform.support.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

@ApplicationScoped
public class LeadService {

    public record CaptureResult(UUID leadId, boolean merged, int status) {
    }

    public static final int MAX_PAGE_SIZE = 200;

    /** Search filters; null means any. {@code assignee} limits an XDR to their own leads. */
    public record Search(String stage, String channel, String campaign, String owningOrg, String queue,
            String account, Instant from, Instant to, String assignee) {
    }

    public record LeadSummary(UUID id, String email, String company, String stage, String channel, String campaign,
            String owningOrg, String queue, String assignee, Integer fitScore, Instant capturedAt) {
    }

    public record Page(List<LeadSummary> items, int page, int size, long total) {
    }

    private final LeadRepository leads;
    private final EngagementEventRepository engagements;
    private final LeadSlaClockRepository clocks;
    private final IdempotencyKeyRepository idempotencyKeys;
    private final TimelineRepository timeline;
    private final AccountRepository accounts;
    private final Outbox outbox;
    private final Clock clock;

    public LeadService(LeadRepository leads, EngagementEventRepository engagements, LeadSlaClockRepository clocks,
            IdempotencyKeyRepository idempotencyKeys, TimelineRepository timeline, AccountRepository accounts,
            Outbox outbox, Clock clock) {
        this.timeline = timeline;
        this.accounts = accounts;
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
        Instant now = clock.instant();
        CaptureResult result = captureInTransaction(request, now, "api");
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

    /**
     * The capture itself, inside the caller's transaction. A lead with an email dedupes on the normalised email; a
     * phone-only lead dedupes on its E.164 phone against other phone-only leads (a shared switchboard number must
     * not merge people who gave their own emails).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public CaptureResult captureInTransaction(CaptureLeadRequest request, Instant now, String consentSource) {
        String email = normalizeEmail(request.email());
        String phone = Phones.normalize(request.phone());
        leads.lockKey(identityKey(email, phone));
        Optional<Lead> existing = email != null ? leads.findByEmail(email) : leads.findPhoneOnly(phone);
        Map<String, String> tiers = accountTiers(Stream.concat(
                Stream.of(Accounts.accountDomain(requestDomain(email, request))),
                existing.stream().map(l -> l.accountDomain)));
        CaptureResult result = existing.map(lead -> merge(lead, request, now, tiers))
                .orElseGet(() -> create(email, request, now, consentSource, tiers));
        leads.rememberExternalId(trim(request.externalId()), result.leadId());
        return result;
    }

    /**
     * Captures validated rows of an import in the caller's transaction, like {@link #captureInTransaction} but with
     * one lock statement and one lookup for the whole batch and a single flush at the end.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<CaptureResult> captureBatch(List<CaptureLeadRequest> requests, Instant now, String consentSource) {
        var em = leads.getEntityManager();
        em.setFlushMode(jakarta.persistence.FlushModeType.COMMIT);
        List<String> keys = requests.stream()
                .map(r -> identityKey(normalizeEmail(r.email()), Phones.normalize(r.phone())))
                .distinct().sorted().toList();
        if (keys.isEmpty()) {
            return List.of();
        }
        leads.lockKeys(keys);
        Map<String, Lead> known = new java.util.HashMap<>();
        List<String> emails = keys.stream().filter(k -> k.startsWith("email:")).map(k -> k.substring(6)).toList();
        List<String> phones = keys.stream().filter(k -> k.startsWith("phone:")).map(k -> k.substring(6)).toList();
        if (!emails.isEmpty()) {
            leads.list("email in ?1", emails).forEach(l -> known.put(identityKey(l.email, null), l));
        }
        if (!phones.isEmpty()) {
            leads.list("email is null and phone in ?1", phones).forEach(l -> known.put(identityKey(null, l.phone), l));
        }
        Map<String, String> tiers = accountTiers(Stream.concat(
                requests.stream().map(r -> Accounts.accountDomain(requestDomain(normalizeEmail(r.email()), r))),
                known.values().stream().map(l -> l.accountDomain)));
        List<CaptureResult> results = new ArrayList<>(requests.size());
        for (CaptureLeadRequest request : requests) {
            String email = normalizeEmail(request.email());
            String key = identityKey(email, Phones.normalize(request.phone()));
            Lead existing = known.get(key);
            CaptureResult result = existing != null ? merge(existing, request, now, tiers)
                    : create(email, request, now, consentSource, tiers);
            if (existing == null) {
                known.put(key, leads.findById(result.leadId()));
            }
            results.add(result);
        }
        em.flush();
        for (int i = 0; i < requests.size(); i++) {
            leads.rememberExternalId(trim(requests.get(i).externalId()), results.get(i).leadId());
        }
        return results;
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

    /** The company domain a request names, or lacking one, its email's domain. */
    private static String requestDomain(String normalizedEmail, CaptureLeadRequest r) {
        return r.domain() != null ? r.domain().trim().toLowerCase(Locale.ROOT)
                : normalizedEmail != null ? normalizedEmail.substring(normalizedEmail.indexOf('@') + 1) : null;
    }

    /** What a capture dedupes on, also its lock key: the email, or for a phone-only lead the phone. */
    private static String identityKey(String normalizedEmail, String phone) {
        return normalizedEmail != null ? "email:" + normalizedEmail : "phone:" + phone;
    }

    private CaptureResult create(String email, CaptureLeadRequest r, Instant now, String consentSource,
            Map<String, String> tiers) {
        Lead lead = new Lead();
        lead.id = UUID.randomUUID();
        lead.email = email;
        lead.phone = Phones.normalize(r.phone());
        lead.externalId = trim(r.externalId());
        lead.firstName = trim(r.firstName());
        lead.lastName = trim(r.lastName());
        lead.companyOriginal = r.company();
        lead.company = tidyCompany(r.company());
        lead.domain = requestDomain(email, r);
        lead.accountDomain = Accounts.accountDomain(lead.domain);
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
        if (r.consentMarketing() != null || r.consentContact() != null) {
            lead.consentRecordedAt = lead.capturedAt;
            lead.consentSource = r.consentSource() != null ? trim(r.consentSource()) : consentSource;
            lead.consentTextVersion = trim(r.consentTextVersion());
        }
        lead.latestChannel = lead.channel;
        lead.latestSource = lead.source;
        lead.latestCampaign = lead.campaign;
        lead.latestCapturedAt = lead.capturedAt;
        lead.createdAt = now;
        lead.stageChangedAt = lead.capturedAt;
        lead.version = 1;
        leads.persist(lead);
        timeline.record(lead.id, lead.capturedAt, "captured", details("channel", lead.channel, "source", lead.source,
                "campaign", lead.campaign));
        outbox.append(EventTypes.LEAD_CAPTURED, lead.id,
                new LeadCaptured(lead.id, lead.version, LeadMapper.profile(lead, tiers.get(lead.accountDomain)),
                        lead.capturedAt));
        return new CaptureResult(lead.id, false, 201);
    }

    /**
     * Adds the facts the lead lacked; the first capture's channel and time stay, and a later capture becomes the
     * latest touch. A withdrawn consent always wins over an earlier grant.
     */
    private CaptureResult merge(Lead lead, CaptureLeadRequest r, Instant now, Map<String, String> tiers) {
        boolean changed = fill(lead.firstName, trim(r.firstName()), v -> lead.firstName = v)
                | fill(lead.lastName, trim(r.lastName()), v -> lead.lastName = v)
                | fill(lead.externalId, trim(r.externalId()), v -> lead.externalId = v)
                | fill(lead.phone, Phones.normalize(r.phone()), v -> lead.phone = v)
                | fill(lead.company, tidyCompany(r.company()), v -> {
                    lead.company = v;
                    lead.companyOriginal = r.company();
                })
                | fill(lead.accountDomain, r.domain() == null ? null : Accounts.accountDomain(r.domain()),
                    v -> lead.accountDomain = v)
                | fill(lead.jobTitle, trim(r.jobTitle()), v -> lead.jobTitle = v)
                | fill(lead.industry, trim(r.industry()), v -> lead.industry = v)
                | fill(lead.employees, r.employees(), v -> lead.employees = v)
                | fill(lead.annualBudgetUsd, r.annualBudgetUsd(), v -> lead.annualBudgetUsd = v)
                | fill(lead.country, trim(r.country()), v -> lead.country = v)
                | fill(lead.region, trim(r.region()), v -> lead.region = v)
                | consent(lead.consentMarketing, r.consentMarketing(), v -> lead.consentMarketing = v)
                | consent(lead.consentContact, r.consentContact(), v -> lead.consentContact = v)
                | addAll(lead.technologies, r.technologies(), v -> lead.technologies = v)
                | addAll(lead.interests, r.interests(), v -> lead.interests = v);
        Instant touchedAt = instantOrNow(r.capturedAt(), now);
        boolean laterTouch = lead.latestCapturedAt == null || touchedAt.isAfter(lead.latestCapturedAt);
        if (laterTouch) {
            lead.latestCapturedAt = touchedAt;
            lead.latestChannel = r.channel() != null ? r.channel() : lead.latestChannel;
            lead.latestSource = r.source() != null ? trim(r.source()) : lead.latestSource;
            lead.latestCampaign = r.campaign() != null ? trim(r.campaign()) : lead.latestCampaign;
        }
        if (changed) {
            if (r.consentMarketing() != null || r.consentContact() != null) {
                lead.consentRecordedAt = touchedAt;
                lead.consentTextVersion = trim(r.consentTextVersion());
            }
            lead.version++;
            outbox.append(EventTypes.LEAD_UPDATED, lead.id,
                    new LeadUpdated(lead.id, lead.version, LeadMapper.profile(lead, tiers.get(lead.accountDomain)),
                            now));
        }
        // Recorded once per capture time, so a re-import of the same rows adds no entries.
        if ((changed || !touchedAt.equals(lead.capturedAt))
                && timeline.count("leadId = ?1 and kind = 'merged' and occurredAt = ?2", lead.id, touchedAt) == 0) {
            timeline.record(lead.id, touchedAt, "merged", details("channel", r.channel(), "source", r.source(),
                    "campaign", r.campaign(), "factsAdded", changed));
        }
        return new CaptureResult(lead.id, true, 200);
    }

    @Transactional
    public LeadView view(UUID id, String restrictedTo) {
        Lead lead = leads.findLive(id).orElseThrow(() -> ProblemException.notFound("lead " + id));
        if (restrictedTo != null && !restrictedTo.equals(lead.assignee)) {
            // An XDR sees only the leads assigned to them; others are reported as absent, not forbidden.
            throw ProblemException.notFound("lead " + id);
        }
        return LeadMapper.view(lead, clocks.forLead(id));
    }

    @Transactional
    public UUID recordEngagement(UUID leadId, EngagementRequest request) {
        Lead lead = leads.findLive(leadId).orElseThrow(() -> ProblemException.notFound("lead " + leadId));
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

    @Transactional
    public Page search(Search q, int page, int size) {
        StringBuilder where = new StringBuilder("erasedAt is null");
        Map<String, Object> params = new LinkedHashMap<>();
        filter(where, params, "stage", q.stage() == null ? null : q.stage().toUpperCase(Locale.ROOT));
        filter(where, params, "channel", q.channel());
        filter(where, params, "campaign", q.campaign());
        filter(where, params, "owningOrg", q.owningOrg() == null ? null : q.owningOrg().toUpperCase(Locale.ROOT));
        filter(where, params, "assignedQueue", q.queue());
        filter(where, params, "accountDomain", q.account() == null ? null : q.account().toLowerCase(Locale.ROOT));
        filter(where, params, "assignee", q.assignee());
        if (q.from() != null) {
            where.append(" and capturedAt >= :from");
            params.put("from", q.from());
        }
        if (q.to() != null) {
            where.append(" and capturedAt < :to");
            params.put("to", q.to());
        }
        var query = leads.find(where + " order by capturedAt desc, id", params);
        List<LeadSummary> items = query.page(page, Math.min(size, MAX_PAGE_SIZE)).list().stream()
                .map(l -> new LeadSummary(l.id, l.email, l.company, l.stage, l.channel, l.campaign, l.owningOrg,
                        l.assignedQueue, l.assignee, l.fitScore, l.capturedAt)).toList();
        return new Page(items, page, Math.min(size, MAX_PAGE_SIZE), query.count());
    }

    private static void filter(StringBuilder where, Map<String, Object> params, String field, String value) {
        if (value != null && !value.isBlank()) {
            where.append(" and ").append(field).append(" = :").append(field);
            params.put(field, value.strip());
        }
    }

    /** An engagement event for the lead with that email or external id, for trackers that lack our id. */
    @Transactional
    public UUID recordEngagementFor(String email, String externalId, EngagementRequest request) {
        Lead lead = null;
        if (email != null) {
            lead = leads.findByEmail(normalizeEmail(email)).filter(l -> l.erasedAt == null).orElse(null);
        } else if (externalId != null) {
            UUID id = leads.idsByExternalId(List.of(externalId.strip())).get(externalId.strip());
            lead = id == null ? null : leads.findLive(id).orElse(null);
        }
        if (lead == null) {
            throw ProblemException.notFound(email != null ? "a lead with that email" : "a lead with that external id");
        }
        return recordEngagement(lead.id, request);
    }

    /**
     * Erases the person: the lead row keeps only anonymous facts (channel, campaign, stage, dates) so the funnel
     * counts survive; engagement, timeline, external ids, idempotency keys and every outbox message about the
     * lead (which carry the email) are deleted, and lead.erased is emitted.
     */
    @Transactional
    public void erase(UUID id) {
        Lead lead = leads.findLive(id).orElseThrow(() -> ProblemException.notFound("lead " + id));
        Instant now = clock.instant();
        var em = leads.getEntityManager();
        em.createNativeQuery("DELETE FROM engagement_event WHERE lead_id = :id").setParameter("id", id).executeUpdate();
        em.createNativeQuery("DELETE FROM lead_timeline WHERE lead_id = :id").setParameter("id", id).executeUpdate();
        em.createNativeQuery("DELETE FROM lead_sla_clock WHERE lead_id = :id").setParameter("id", id).executeUpdate();
        em.createNativeQuery("DELETE FROM lead_external_id WHERE lead_id = :id").setParameter("id", id)
                .executeUpdate();
        em.createNativeQuery("DELETE FROM idempotency_key WHERE lead_id = :id").setParameter("id", id).executeUpdate();
        em.createNativeQuery("DELETE FROM outbox_message WHERE subject = :id").setParameter("id", id.toString())
                .executeUpdate();
        lead.email = "erased+" + id + "@erased.invalid";
        lead.phone = null;
        lead.externalId = null;
        lead.firstName = null;
        lead.lastName = null;
        lead.company = null;
        lead.companyOriginal = null;
        lead.domain = null;
        lead.accountDomain = null;
        lead.jobTitle = null;
        lead.utmSource = null;
        lead.utmMedium = null;
        lead.utmCampaign = null;
        lead.technologies = new ArrayList<>();
        lead.interests = new ArrayList<>();
        lead.assignee = null;
        lead.consentMarketing = null;
        lead.consentContact = null;
        lead.consentSource = null;
        lead.consentTextVersion = null;
        lead.consentRecordedAt = null;
        lead.erasedAt = now;
        lead.version++;
        outbox.append(EventTypes.LEAD_ERASED, id, new LeadErased(id, now));
    }

    /** Everything held about the person: the lead, its engagement and its timeline. */
    @Transactional
    public LeadExport export(UUID id) {
        Lead lead = leads.findLive(id).orElseThrow(() -> ProblemException.notFound("lead " + id));
        List<String> externalIds = leads.getEntityManager()
                .createNativeQuery("SELECT external_id FROM lead_external_id WHERE lead_id = :id ORDER BY 1",
                        String.class)
                .setParameter("id", id).getResultList();
        return new LeadExport(LeadMapper.view(lead, clocks.forLead(id)), lead.companyOriginal, externalIds,
                new LeadExport.Attribution(lead.utmSource, lead.utmMedium, lead.utmCampaign, lead.latestChannel,
                        lead.latestSource, lead.latestCampaign, lead.latestCapturedAt),
                new LeadExport.Consent(lead.consentMarketing, lead.consentContact, lead.consentRecordedAt,
                        lead.consentSource, lead.consentTextVersion),
                engagements.forLead(id).stream().map(e -> new LeadExport.Engagement(e.id, e.type, e.value,
                        e.occurredAt, e.receivedAt)).toList(),
                timeline(id));
    }

    /** Captures, merges, engagement, scores, stage changes, assignments, SLA events and rejections, oldest first. */
    @Transactional
    public List<TimelineView> timeline(UUID id) {
        leads.findLive(id).orElseThrow(() -> ProblemException.notFound("lead " + id));
        List<TimelineView> out = new ArrayList<>();
        timeline.list("leadId = ?1", id).forEach(t -> out.add(new TimelineView(t.occurredAt, t.kind, t.detail)));
        engagements.forLead(id).forEach(e -> out.add(new TimelineView(e.occurredAt, "engagement",
                details("type", e.type, "value", e.value))));
        out.sort(java.util.Comparator.comparing(TimelineView::at));
        return out;
    }

    static String normalizeEmail(String email) {
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    private static String trim(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
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

    /** Collapses runs of whitespace; the name as sent is kept in companyOriginal. */
    static String tidyCompany(String company) {
        String t = trim(company);
        return t == null ? null : t.replaceAll("\\s+", " ");
    }

    static Map<String, Object> details(Object... keyValues) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null) {
                out.put((String) keyValues[i], keyValues[i + 1]);
            }
        }
        return out;
    }

    private static <T> boolean fill(T current, T incoming, Consumer<T> setter) {
        if (current == null && incoming != null) {
            setter.accept(incoming);
            return true;
        }
        return false;
    }

    /** Sets the items the list lacks added, as a new list: Hibernate treats these lists as immutable values. */
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

    private static Instant instantOrNow(OffsetDateTime t, Instant now) {
        return t == null ? now : t.toInstant();
    }
}
