package io.leadplatform.routing.service;

import io.leadplatform.events.AccountTiers;
import io.leadplatform.routing.api.ActivateRequest;
import io.leadplatform.routing.api.PolicyRequest;
import io.leadplatform.routing.api.PolicyView;
import io.leadplatform.routing.api.SimulateRequest;
import io.leadplatform.routing.api.SimulationView;
import io.leadplatform.routing.config.RoutingConfig;
import io.leadplatform.routing.domain.OwnershipPolicy;
import io.leadplatform.routing.domain.OwnershipPolicyRepository;
import io.leadplatform.routing.domain.OwnershipRule;
import io.leadplatform.routing.domain.QualifiedFactRepository;
import io.leadplatform.routing.domain.QueueMember;
import io.leadplatform.routing.domain.RoutingDecision;
import io.leadplatform.routing.domain.RoutingException;
import io.leadplatform.routing.domain.RoutingFacts;
import io.leadplatform.routing.domain.RoutingQueue;
import io.leadplatform.routing.domain.RoutingQueueRepository;
import io.leadplatform.support.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/** Ownership policies as versioned data: drafted, validated, activated at a time, and simulated beforehand. */
@ApplicationScoped
public class PolicyService {

    private static final Set<String> DIRECTIONS = Set.of("inbound", "outbound");
    private static final Set<String> STAGES = Set.of("MQL", "SQL");
    private static final Set<String> BANDS = Set.of("LOW", "MEDIUM", "HIGH");
    private static final Set<String> GRADES = Set.of("A", "B", "C", "D");
    private static final Set<String> TIERS = Set.copyOf(AccountTiers.ALL);

    private final OwnershipPolicyRepository policies;
    private final RoutingQueueRepository queues;
    private final QualifiedFactRepository facts;
    private final RoutingConfig config;
    private final Clock clock;

    public PolicyService(OwnershipPolicyRepository policies, RoutingQueueRepository queues,
            QualifiedFactRepository facts, RoutingConfig config, Clock clock) {
        this.policies = policies;
        this.queues = queues;
        this.facts = facts;
        this.config = config;
        this.clock = clock;
    }

    @Transactional
    public List<PolicyView> policies() {
        UUID effective = policies.findEffective(clock.instant()).map(p -> p.id).orElse(null);
        return policies.listWithRules().stream().map(p -> RoutingMapper.view(p, effective)).toList();
    }

    @Transactional
    public PolicyView get(UUID id) {
        OwnershipPolicy policy = find(id);
        return RoutingMapper.view(policy, policies.findEffective(clock.instant()).map(p -> p.id).orElse(null));
    }

    /** A new version, stored as a draft until activated. */
    @Transactional
    public PolicyView create(PolicyRequest request) {
        if (request == null || blank(request.version())) {
            throw ProblemException.invalid("version", "is required");
        }
        if (request.version().length() > 64) {
            throw ProblemException.invalid("version", "must be at most 64 characters");
        }
        if (request.description() != null && request.description().length() > 1000) {
            throw ProblemException.invalid("description", "must be at most 1000 characters");
        }
        if (request.rules() == null || request.rules().isEmpty()) {
            throw ProblemException.invalid("rules", "a policy needs rules, one of them the default rule");
        }
        long defaults = request.rules().stream().filter(r -> r != null && Boolean.TRUE.equals(r.defaultRule()))
                .count();
        if (defaults != 1) {
            throw ProblemException.invalid("rules", "exactly one default rule is required (found " + defaults + ")");
        }
        if (policies.findByVersion(request.version()).isPresent()) {
            throw ProblemException.conflict("policy version " + request.version() + " already exists");
        }
        OwnershipPolicy policy = new OwnershipPolicy();
        policy.id = UUID.randomUUID();
        policy.version = request.version();
        policy.description = request.description();
        policy.createdAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        policies.persist(policy);
        for (int i = 0; i < request.rules().size(); i++) {
            OwnershipRule rule = rule(request.rules().get(i), "rules[" + i + "]");
            rule.position = i + 1;
            rule.policy = policy;
            policies.getEntityManager().persist(rule);
            policy.rules.add(rule);
        }
        return RoutingMapper.view(policy, null);
    }

    /** From {@code effectiveAt} (now when absent) the policy routes, until a later-effective one takes over. */
    @Transactional
    public PolicyView activate(UUID id, ActivateRequest request) {
        OwnershipPolicy policy = find(id);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        policy.active = true;
        policy.effectiveFrom = request == null || request.effectiveAt() == null ? now
                : request.effectiveAt().truncatedTo(ChronoUnit.MICROS);
        policies.flush();
        return RoutingMapper.view(policy, policies.findEffective(now).map(p -> p.id).orElse(null));
    }

    /**
     * Replays the last N days of qualified leads through the draft and through the effective policy. Reps are
     * counted by plain round robin over each queue's active members, from zero; capacity, hours and absences are
     * not replayed.
     */
    @Transactional
    public SimulationView simulate(UUID id, SimulateRequest request) {
        int days = request == null || request.days() == null ? config.simulationDays() : request.days();
        if (days < 1 || days > 365) {
            throw ProblemException.invalid("days", "must be between 1 and 365");
        }
        OwnershipPolicy draft = find(id);
        Instant now = clock.instant();
        Instant since = now.minus(Duration.ofDays(days));
        List<RoutingFacts> replay = facts.receivedSince(since).stream()
                .map(f -> f.facts(config.engagementBand().mediumFrom(), config.engagementBand().highFrom()))
                .toList();
        OwnershipPolicy active = policies.findEffective(now).orElse(null);
        return new SimulationView(days, since, replay.size(), distribution(draft, replay),
                active == null ? null : distribution(active, replay));
    }

    private static SimulationView.Distribution distribution(OwnershipPolicy policy, List<RoutingFacts> leads) {
        Map<String, Long> byOrg = new TreeMap<>();
        Map<String, Long> byQueue = new TreeMap<>();
        Map<String, Long> byRep = new TreeMap<>();
        Map<String, Long> byRule = new TreeMap<>();
        Map<UUID, Long> cursors = new HashMap<>();
        long unroutable = 0;
        for (RoutingFacts lead : leads) {
            RoutingDecision decision;
            try {
                decision = policy.route(lead);
            } catch (RoutingException e) {
                unroutable++;
                continue;
            }
            RoutingQueue queue = decision.queue();
            byOrg.merge(queue.owningOrg.name(), 1L, Long::sum);
            byQueue.merge(queue.name, 1L, Long::sum);
            byRule.merge(decision.rule().name, 1L, Long::sum);
            List<QueueMember> roster = queue.members.stream().filter(m -> m.active)
                    .sorted(Comparator.comparingInt(m -> m.position)).toList();
            String rep = roster.isEmpty() ? queue.manager
                    : roster.get((int) (cursors.merge(queue.id, 1L, Long::sum) - 1) % roster.size()).username;
            byRep.merge(rep == null ? "(unassigned)" : rep, 1L, Long::sum);
        }
        return new SimulationView.Distribution(policy.version, byOrg, byQueue, byRep, byRule, unroutable);
    }

    private OwnershipRule rule(PolicyRequest.Rule r, String field) {
        if (r == null) {
            throw ProblemException.invalid(field, "is required");
        }
        OwnershipRule rule = new OwnershipRule();
        rule.id = UUID.randomUUID();
        if (blank(r.name()) || r.name().length() > 100) {
            throw ProblemException.invalid(field + ".name", "is required, at most 100 characters");
        }
        rule.name = r.name();
        rule.defaultRule = Boolean.TRUE.equals(r.defaultRule());
        rule.direction = oneOf(r.direction(), DIRECTIONS, field + ".direction", false);
        rule.stage = oneOf(r.stage(), STAGES, field + ".stage", true);
        rule.consentMarketing = r.consentMarketing();
        rule.fitGrades = csv(r.fitGrades(), GRADES, field + ".fitGrades", 32);
        rule.engagementBands = csv(r.engagementBands(), BANDS, field + ".engagementBands", 32);
        rule.regions = csv(r.regions(), null, field + ".regions", 200);
        rule.countries = csv(r.countries(), null, field + ".countries", 500);
        rule.industries = csv(r.industries(), null, field + ".industries", 1000);
        rule.channels = csv(r.channels(), null, field + ".channels", 200);
        rule.accountTiers = csv(r.accountTiers(), TIERS, field + ".accountTiers", 64);
        rule.employeesMin = r.employeesMin();
        rule.employeesMax = r.employeesMax();
        if (r.employeesMin() != null && r.employeesMin() < 0) {
            throw ProblemException.invalid(field + ".employeesMin", "must not be negative");
        }
        if (r.employeesMin() != null && r.employeesMax() != null && r.employeesMax() < r.employeesMin()) {
            throw ProblemException.invalid(field + ".employeesMax", "must not be below employeesMin");
        }
        if (rule.defaultRule && (rule.hasCriteria())) {
            throw ProblemException.invalid(field, "the default rule takes every lead and has no criteria");
        }
        if (blank(r.targetQueue())) {
            throw ProblemException.invalid(field + ".targetQueue", "is required");
        }
        rule.targetQueue = queues.findByRef(r.targetQueue())
                .orElseThrow(() -> ProblemException.invalid(field + ".targetQueue", "no queue " + r.targetQueue()));
        return rule;
    }

    private static String oneOf(String value, Set<String> allowed, String field, boolean upper) {
        if (value == null) {
            return null;
        }
        String v = upper ? value.toUpperCase() : value.toLowerCase();
        if (!allowed.contains(v)) {
            throw ProblemException.invalid(field, "must be one of " + new TreeSet<>(allowed));
        }
        return v;
    }

    private static String csv(List<String> values, Set<String> allowed, String field, int max) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        List<String> clean = new ArrayList<>();
        for (String value : values) {
            if (blank(value) || value.contains(",")) {
                throw ProblemException.invalid(field, "values must be non-blank and without commas");
            }
            String v = allowed == null ? value.trim() : value.trim().toUpperCase();
            if (allowed != null && !allowed.contains(v)) {
                throw ProblemException.invalid(field, "must be among " + new TreeSet<>(allowed));
            }
            clean.add(v);
        }
        String joined = String.join(",", clean);
        if (joined.length() > max) {
            throw ProblemException.invalid(field, "too long");
        }
        return joined;
    }

    private OwnershipPolicy find(UUID id) {
        return policies.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("policy " + id));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
